# A bad reference table is fatal (exit 1) before any record is read.
source "$CASE/stream.bash"
{ echo "$HDR"; row a E01031125; } >in.csv
# An unknown class, named by file and line (line 3: header is line 1).
printf 'lsoa_code,ruc11\nE01031125,C1\nE01031148,G1\n' >bad.csv
run 1 "$BIN/tag-rural" --geography bad.csv in.csv
has err "tag-rural: bad.csv:3: field 'ruc11': unknown RUC11 class 'G1'"
eq "stdout" "" "$(cat out)"
printf 'lsoa_code,ruc11\nE01031125,\n' >empty-class.csv
run 1 "$BIN/tag-rural" --geography empty-class.csv in.csv
has err "empty-class.csv:2: field 'ruc11': unknown RUC11 class ''"
printf 'oa_code,class\nE00158000,F1\n' >noruc.csv
run 1 "$BIN/tag-rural" --geography noruc.csv in.csv
has err "noruc.csv: no column 'ruc11'"
printf 'code,ruc11\nE00158000,F1\n' >nokey.csv
run 1 "$BIN/tag-rural" --geography nokey.csv in.csv
has err "no column 'lsoa_code' or 'oa_code'"
run 1 "$BIN/tag-rural" --geography nosuch.csv in.csv
has err "nosuch.csv"
printf 'lsoa_code,ruc11\nE01031125,C1\nE01031125,E1\n' >dup.csv
run 1 "$BIN/tag-rural" --geography dup.csv in.csv
has err "E01031125"
printf 'theme,words\nx,y\n' >t1.csv
run 1 "$BIN/tag-rural" --themes t1.csv in.csv
has err "t1.csv: no column 'keyword'"
printf 'theme,keyword\nx,--\n' >t2.csv
run 1 "$BIN/tag-rural" --themes t2.csv in.csv
has err "t2.csv:2: field 'keyword': no word in the keyword"
printf 'theme,keyword\n,tractor\n' >t3.csv
run 1 "$BIN/tag-rural" --themes t3.csv in.csv
has err "t3.csv:2: field 'theme': empty theme"
run 1 "$BIN/tag-rural" --themes /dev/null in.csv
has err "/dev/null: cannot read the themes table"
