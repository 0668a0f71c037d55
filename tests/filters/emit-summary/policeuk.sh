# A data.police.uk-only month in a table without `unsupported:` rows
# (rule 11): the topics the data cannot support are named with the
# police.uk reasons, never printed as zeros.
source "$CASE/lib.inc"
write_policeuk p.csv
run 0 "$BIN/emit-summary" p.csv
has out "# Performance Summary: Testshire, January 2019"
has out "Source: data.police.uk street-level crime (no victim identities, no offence codes). 243 records in January 2019 (0 with a victim, 0 with a Home Office offence code, 0 with an outcome code, 150 with police.uk outcome text)."
has out "Not available from this source: repeat victims — the data holds no victim identities (data.police.uk); fine crime groups — data.police.uk holds only coarse crime categories; markers — the data holds no markers (data.police.uk); outcomes 14, 15 and 16 — police.uk outcome text carries no outcome codes; rural themes — data.police.uk holds no offence descriptions or MO text."
has out "Repeat victims: not available — the data holds no victim identities (data.police.uk)."
has out "Markers (domestic abuse, hate, child at risk, CSE, business, cyber): not available — the data holds no markers (data.police.uk)."
has out "Fine crime groups (homicide, violence with and without injury, rape, other sexual offences, business and personal robbery, residential and business burglary): not available — data.police.uk holds only coarse crime categories."
has out "Outcomes 14, 15 and 16: not available — police.uk outcome text carries no outcome codes."
has out "Domestic abuse outcomes: not available — the data holds no markers (data.police.uk)."
has out "Rural themes: not available — data.police.uk holds no offence descriptions or MO text."
# text_outcomes_approximate 150 > 0: the outcome tables are labelled.
has out "(approximation from police.uk outcome text)"
# The coarse group is shown; the fine Rape row (0) and the DA marker
# (0) are not.
has out "| Violence and sexual offences | 50 |"
hasnt out "| Rape |"
hasnt out "domestic abuse offences were recorded"
hasnt out "repeat victims were recorded"
hasnt out "| Repeat victims |"
has out "151 offences were recorded across Testshire in January. This is an increase compared to December (140); the monthly average is not available."
