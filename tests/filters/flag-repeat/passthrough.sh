# Every input byte of a record comes out unchanged, the four columns added
# at the end (DEFINITIONS.md 2.1), even through the spool: extra columns
# with quoted commas, embedded newlines (LF and CRLF), empty fields, doubled
# quotes, a trailing CR inside a quoted field.  The expected output is built
# from the same pieces with the added values appended by hand:
#   r1 V1 2019-03 DA, r2 V1 2019-04 -> r1: 1, N, 1, N; r2: 2, Y, empty DA
#   r3 no victim -> empty columns
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
r1='r1,x:2,1,2019-03,,Warwickshire,,,,,,Rugby,,,V1,person,DA,,,,"bike, taken from ""the"" shed",,"a
b",'
r2='r2,x:3,1,2019-04,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,,"",x,"one
two'$'\r''
three"'
r3='r3,x:4,0,2019-04,,Warwickshire,,,,,,Rugby,,,,,,,,,"",,"q""q","ends in CR'$'\r''"'
{
	printf '%s,e1,e2,e3\n' "$H"
	printf '%s\n' "$r1" "$r2"
	printf '%s' "$r3"		# no final newline
} >in.csv
{
	printf '%s,e1,e2,e3,victim_offences_12m,repeat_victim,da_victim_offences_12m,da_repeat_victim\n' "$H"
	printf '%s,1,N,1,N\n' "$r1"
	printf '%s,2,Y,,\n' "$r2"
	printf '%s,,,,\n' "$r3"
} >expect
run 0 "$BIN/flag-repeat" in.csv
same expect out

# CRLF line ends are accepted on input; output has LF.  A record whose
# last (unquoted) field ends in CR keeps that CR: only the CR before the
# LF ends the line (docs/stream.md), so r8's bytes end in 'z<CR>'.
r8='r8,x:2,1,2019-03,,W,,,,,,R,,,V8,person,,,,,,a,b,z'$'\r'
printf '%s,e1,e2,e3\r\n%s\r\n%s\r\n' "$H" \
    'r9,x:2,1,2019-03,,W,,,,,,R,,,V9,person,,,,,,a,"b,c",' "$r8" >crlf.csv
printf '%s,e1,e2,e3,victim_offences_12m,repeat_victim,da_victim_offences_12m,da_repeat_victim\n%s\n%s\n' "$H" \
    'r9,x:2,1,2019-03,,W,,,,,,R,,,V9,person,,,,,,a,"b,c",,1,N,,' \
    "$r8,1,N,," >crlf.expect
run 0 "$BIN/flag-repeat" crlf.csv
same crlf.expect out

# Run again on its own output, the stage replaces its columns in place:
# the same bytes come out.
cp expect once
run 0 "$BIN/flag-repeat" once
same expect out

# Columns present but stale or in the middle are replaced in place too.
printf '%s,repeat_victim,e1,victim_offences_12m\n%s\n' "$H" \
    'r1,x:2,1,2019-03,,W,,,,,,R,,,V1,person,DA,,,,,stale,"x,y",99' >mid.csv
printf '%s,repeat_victim,e1,victim_offences_12m,da_victim_offences_12m,da_repeat_victim\n%s\n' "$H" \
    'r1,x:2,1,2019-03,,W,,,,,,R,,,V1,person,DA,,,,,N,"x,y",1,1,N' >mid.expect
run 0 "$BIN/flag-repeat" mid.csv
same mid.expect out
