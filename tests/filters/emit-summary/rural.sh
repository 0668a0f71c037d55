# Rural crime (section 11): the groups largest first with their share of
# rural crime and the force's exceptional flag; the top groups' share;
# a sentence for an exceptional group (issue 11 item 4); every rural
# theme the table holds, zeros included, a theme added to the table too.
source "$CASE/lib.inc"
write_full f.csv
echo '2019-12,force,Testshire,rural_crime,quad bikes,3,,' >>f.csv
run 0 "$BIN/emit-summary" f.csv
# Shares, by hand: 115 / 1023 = 11.24%, 125 / 1044 = 11.97%; 97 / 1023 =
# 9.48%, 74 / 1044 = 7.09%; no December 2018 rows.
has out "| Violence with injury | 115 | 11.2% | 125 | 12.0% | — | — | N |"
has out "| Shoplifting | 97 | 9.5% | 74 | 7.1% | — | — | Y |"
# (115 + 97) / 1023 = 20.72%; (125 + 74) / 1044 = 19.06%.
has out "The top 2 rural offence groups of December account for 20.7% of rural crime (the same groups in November: 19.1%)."
has out "Exceptional volumes of rural shoplifting: 97 in December, above the upper control limit (96.4)."
has out "| equine | 7 | — | — |"
has out "| heritage | 0 | 0 | — |"
has out "| quad bikes | 3 | — | — |"
# In the headline's list of exceptions too.
has out "- Rural crime: Shoplifting (Testshire): above the upper control limit (96.4)"
