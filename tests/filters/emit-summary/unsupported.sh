# Topics the source cannot support (definitions §3.0; issue 9 items 4 and
# 6): aggregate-district writes no rows for them and a `coverage` row
# `unsupported:<topic>` with the reason; the report names each with its
# reason and never prints a 0 for it.
source "$CASE/lib.inc"
cat >u.csv <<CSV
$LONG_HDR
2019-01,force,Testshire,coverage,months,2019-01,,
2019-01,force,Testshire,coverage,records,243,,
2019-01,force,Testshire,coverage,with_victim,0,,
2019-01,force,Testshire,coverage,with_offence_code,0,,
2019-01,force,Testshire,coverage,with_outcome_code,0,,
2019-01,force,Testshire,coverage,with_outcome_text,150,,
2019-01,force,Testshire,coverage,unsupported:victims,the records carry no victim identities (data.police.uk street files),,
2019-01,force,Testshire,coverage,unsupported:crime_groups,data.police.uk holds coarse crime categories only,,
2019-01,force,Testshire,coverage,unsupported:markers,the records carry no markers (data.police.uk street files),,
2019-01,force,Testshire,coverage,unsupported:outcome_rate,police.uk street files have no outcome dates,,
2019-01,force,Testshire,coverage,unsupported:outcome_codes,police.uk outcome text carries no Home Office codes,,
2019-01,force,Testshire,coverage,unsupported:rural_themes,the records carry no offence descriptions or MO text,,
2019-01,force,Testshire,recorded_crime,Total recorded crime,151,564700,0.27
2019-01,force,Testshire,recorded_crime,Violence and sexual offences,50,564700,0.09
2019-01,force,Testshire,recorded_crime,Robbery,4,564700,0.01
2019-01,force,Testshire,asb,Anti-social behaviour,92,,
CSV
run 0 "$BIN/emit-summary" u.csv
has out "Not available from this source: repeat victims — the records carry no victim identities (data.police.uk street files); fine crime groups — data.police.uk holds coarse crime categories only; markers — the records carry no markers (data.police.uk street files); outcome rate — police.uk street files have no outcome dates; outcomes 14, 15 and 16 — police.uk outcome text carries no Home Office codes; rural themes — the records carry no offence descriptions or MO text."
has out "Repeat victims: not available — the records carry no victim identities (data.police.uk street files)."
has out "Outcome rate: not available without outcomes files — supply them with compute-outcomes --outcomes / monthly.sh --outcomes (police.uk street files have no outcome dates)."
has out "150 records of January carry police.uk's last outcome category: the latest status as published, not dated, so it gives no outcome rate."
has out "Outcomes 14, 15 and 16: not available — police.uk outcome text carries no Home Office codes."
has out "Rural themes: not available — the records carry no offence descriptions or MO text."
# The coarse groups are shown, the fine ones nowhere, nothing as 0.
has out "| Violence and sexual offences | 50 |"
has out "| Robbery | 4 |"
hasnt out "| Rape"
hasnt out "| Repeat victims |"
hasnt out "| Domestic abuse |"
hasnt out "0 repeat"
# Data quality lists them too.
has out "- victims: the records carry no victim identities (data.police.uk street files)"
has out "- outcome_rate: police.uk street files have no outcome dates"
