# Every other field is copied byte for byte: quoted commas, a field with
# an embedded newline (and CRLF inside quotes), empty fields, doubled
# quotes.  The expected output is the input with ",ruc11,rural,rural_theme"
# (header) and the three values (records) appended, built by hand:
#   r1 E01031148 D1 -> D1,Y; mo_text "tractor, ""red"" diesel" holds
#      tractor (farm machinery, first) and red diesel (fuel theft) ->
#      farm machinery & plant (no quotes needed: no comma or quote).
#   r2 E01031147 E1 -> E1,Y; no theme.
#   r3 empty lsoa_code -> ,?, ; mo """fly-tipping""" -> fly-tipping.
printf '%s\n' 'lsoa_code,mo_text,"a,b",empty,"multi' 'line"' >in.csv
printf '%s\n' 'E01031148,"tractor, ""red"" diesel","x,y",,"one' 'two"' >>in.csv
printf '%s\r\n' 'E01031147,plain,"q""q",,"cr' '"' >>in.csv
printf '%s\n' ',"""fly-tipping""",,,' >>in.csv
{
	printf '%s\n' 'lsoa_code,mo_text,"a,b",empty,"multi' 'line",ruc11,rural,rural_theme'
	printf '%s\n' 'E01031148,"tractor, ""red"" diesel","x,y",,"one' 'two",D1,Y,farm machinery & plant'
	printf '%s\r\n' 'E01031147,plain,"q""q",,"cr' 
	printf '%s\n' '",E1,Y,'
	printf '%s\n' ',"""fly-tipping""",,,,,?,fly-tipping'
} >want
run 0 "$BIN/tag-rural" in.csv
same want out
