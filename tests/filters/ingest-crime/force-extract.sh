# Force extracts (DEFINITIONS.md 1.3, 2.1, 2.2; docs/stream.md column
# table).  a.csv has every optional column (dwelling, oa_code, latitude,
# longitude, force) and an extra one (beat); b.csv has none of them, its
# columns in another order, and no force column, so it needs --force.
# c.csv is b.csv under the force's own header names, read with --map.
source "$CASE/lib.inc"
cp "$CASE/force-a.csv" a.csv
cp "$CASE/force-b.csv" b.csv
cp "$CASE/force-c.csv" c.csv

# No force column in b.csv and no --force: a usage error, exit 2.
run 2 "$BIN/ingest-crime" a.csv b.csv
has err "--force"
run 2 "$BIN/ingest-crime" b.csv
# a.csv alone has its force column: fine without --force.
run 0 "$BIN/ingest-crime" a.csv

run 0 "$BIN/ingest-crime" --stats --force "West Mercia" a.csv b.csv
eq stats "read 10, written 10, rejected 0" "$(stats_of err)"
# Extras in the order first seen: a.csv's offence_desc, dwelling, oa_code,
# beat ("force" becomes the canonical force); b.csv lacks the last three,
# which stay empty on its rows.
eq header "$CANON,offence_desc,dwelling,oa_code,beat" "$(head -n 1 out)"
# By hand.  month = month of recorded_date; crime_type = the police.uk
# category of the code; crime_group per DEF 2.2 / domain.md 3.2 (8N with
# injury, 3B and 105A without, 58C damage, 28E with dwelling Y residential,
# 34B personal robbery, 44 bicycle, 39 theft from the person, 10D weapons);
# lsoa_name empty; force from the column (a.csv) or --force (b.csv);
# 2020-02-29 is a real date (leap year).  csvparse shows bytes outside
# ASCII as \xHH: the en dash of the burglary group is \xe2\x80\x93.
cat >want <<'W'
25	[23/1/19][a.csv:2][1][2019-12][2019-12-03][Warwickshire][Violence and sexual offences][8N][Violence with injury][E01031000][][Rugby][52.37][-1.26][V1][person][DA][16][2020-01-14][][punched][Assault with injury][][E00158000][B1]
25	[23/2/19][a.csv:3][1][2019-12][2019-12-04][Warwickshire][Shoplifting][46][Shoplifting][E01031001][][Warwick][][][][organisation][BUSINESS][][][][][Shoplifting][][][B2]
25	[23/3/19][a.csv:4][1][2019-11][2019-11-30][Warwickshire][Criminal damage and arson][58C][Criminal damage & arson][E01031002][][Nuneaton and Bedworth][52.52][-1.46][V3][person][][1][2019-12-20][][window, smashed][Criminal damage to a vehicle][][E00158001][]
25	[23/4/19][a.csv:5][1][2019-12][2019-12-31][Warwickshire][Burglary][28E][Burglary \xe2\x80\x93 residential (dwelling)][E01031003][][Stratford-on-Avon][][][V4][person][][][][][shed "broken" into][Burglary - residential][Y][][B4]
25	[23/5/19][a.csv:6][1][2020-01][2020-01-02][Warwickshire][Violence and sexual offences][3B][Violence without injury][E01031004][][North Warwickshire][52.6][-1.6][V5][person][DA;CAR][][][][][Threats to kill][][][B5]
25	[22/100/19][b.csv:2][1][2019-02][2019-02-28][West Mercia][Violence and sexual offences][105A][Violence without injury][E01032000][][Worcester][][][W1][person][][][][][][Assault without injury][][][]
25	[22/101/19][b.csv:3][1][2019-03][2019-03-01][West Mercia][Bicycle theft][44][Bicycle theft][E01032001][][Shropshire][][][][][][14][2019-03-05][][bike from rack][Theft of pedal cycle][][][]
25	[22/102/19][b.csv:4][1][2020-02][2020-02-29][West Mercia][Robbery][34B][Personal robbery][E01032002][][Herefordshire][][][W3][person][HATE][][][][][Robbery of personal property][][][]
25	[22/103/19][b.csv:5][1][2019-06][2019-06-15][West Mercia][Theft from the person][39][Theft from the person][E01032003][][Telford][][][W4][person][][][][][][Theft from the person][][][]
25	[22/104/19][b.csv:6][1][2019-07][2019-07-01][West Mercia][Possession of weapons][10D][Possession of weapons][E01032004][][Wychavon][][][W5][person][][][][][][Possession of article with blade][][][]
W
dump out | tail -n +2 >got
same want got
# The quoted fields are re-quoted on output (doubled quotes kept).
has out ',"window, smashed",'
has out ',"shed ""broken"" into",'

# b.csv alone: extras are offence_desc only, so its rows are the ones
# above less the three empty trailing extras.
run 0 "$BIN/ingest-crime" --force "West Mercia" b.csv
grep 'b\.csv' want | sed 's/^25	/22	/; s/\[\]\[\]\[\]$//' >want_b
dump out | tail -n +2 >got_b
same want_b got_b
eq header_b "$CANON,offence_desc" "$(head -n 1 out)"

# c.csv through the column map gives the same records, apart from source.
run 0 "$BIN/ingest-crime" --map "$CASE/force-c.map" --force "West Mercia" c.csv
eq header_c "$CANON,offence_desc" "$(head -n 1 out)"
sed 's/\[b\.csv:/[c.csv:/' want_b >want_c
dump out | tail -n +2 >got_c
same want_c got_c
