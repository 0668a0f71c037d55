# shellcheck shell=bash source-path=SCRIPTDIR
# monthly.sh's arguments (issue 9.11): an option after MONTH, a missing
# value or a bad value is a usage error (exit 2, with the usage) before
# anything is written; paths with spaces work (inputs, --outcomes, --out);
# '-' reads standard input; an existing run is replaced only with
# --replace, and a directory that is not a run never.
# shellcheck source=runs.inc
source "$CASE/runs.inc"
OUTCOMES=$ROOT/sample-data/police-uk/2019-01-warwickshire-outcomes.csv
usage='usage: monthly.sh [--out DIR | --into DIR] [--replace] [--force NAME]'

run 2 "$ROOT/pipelines/monthly.sh" 2019-01 --force Warwickshire "$STREET"
has err "monthly.sh: '--force' after MONTH: options go before MONTH"
has err "$usage"
run 2 "$ROOT/pipelines/monthly.sh" 2019-01
has err "$usage"
run 2 "$ROOT/pipelines/monthly.sh" --out
has err "option '--out' needs a value"
run 2 "$ROOT/pipelines/monthly.sh" --definition urban 2019-01 "$STREET"
has err "--definition: 'urban' is not ons or rct"
run 2 "$ROOT/pipelines/monthly.sh" --baseline 121 2019-01 "$STREET"
run 2 "$ROOT/pipelines/monthly.sh" --baseline 0 2019-01 "$STREET"
run 2 "$ROOT/pipelines/monthly.sh" --baseline x 2019-01 "$STREET"
run 2 "$ROOT/pipelines/monthly.sh" 2019-1 "$STREET"
[ -z "$(find . -name '.crimepipe*')" ] || fail "a usage error began a run"

# Spaces in every path.
cp "$STREET" "my street.csv"
cp "$OUTCOMES" "my outcomes.csv"
# The outcomes file's distinct Crime IDs, and those of them the street
# file holds (no quotes in either file: a field split is safe).
crimes_updated=$(awk -F, 'NR > 1 && $1 != "" { a[$1] } END { print length(a) }' "$OUTCOMES")
crimes_joined=$(awk -F, 'NR == FNR { if (FNR > 1) o[$1]; next } FNR > 1 && ($1 in o) { j[$1] } END { print length(j) }' "$OUTCOMES" "$STREET")
run 0 "$ROOT/pipelines/monthly.sh" --out "my runs/one" --outcomes "my outcomes.csv" \
	2019-01 "my street.csv"
eq "stdout: the run directory" "my runs/one" "$(cat out)"
has "my runs/one/logs/4-compute-outcomes.log" "outcomes_loaded $crimes_updated, outcomes_joined $crimes_joined,"
has "my runs/one/manifest.json" '"outcomes": ["my outcomes.csv"]'
has "my runs/one/manifest.json" "{\"path\": \"my outcomes.csv\", \"bytes\": $(wc -c <"$OUTCOMES" | tr -d ' '), \"sha256\": \"$(sha256sum <"$OUTCOMES" | cut -d' ' -f1)\"}"
has "my runs/one/manifest.json" "{\"path\": \"my street.csv\", \"bytes\": $(wc -c <"$STREET" | tr -d ' '), \"sha256\": \"$(sha256sum <"$STREET" | cut -d' ' -f1)\"}"
# rerun.sh reads the options back: the outcomes file still joins.
run 0 "$ROOT/pipelines/rerun.sh" --from compute-outcomes "my runs/one"
has "my runs/one/logs/4-compute-outcomes.log" "outcomes_loaded $crimes_updated, outcomes_joined $crimes_joined,"

# An existing run: refused without --replace, and left as it was.
sums "my runs/one" >before.sums
entries "my runs" >before.entries
run 2 "$ROOT/pipelines/monthly.sh" --out "my runs/one" 2019-01 "$STREET"
has err "'my runs/one' exists (a previous run?): give --replace to replace it"
sums "my runs/one" >after.sums
same before.sums after.sums
entries "my runs" >after.entries
same before.entries after.entries
# With --replace it is replaced: still one run beside the lock.
old=$(readlink "my runs/one")
run 0 "$ROOT/pipelines/monthly.sh" --replace --out "my runs/one/" 2019-01 "$STREET"
new=$(readlink "my runs/one")
[ "$old" != "$new" ] || fail "the run was not replaced"
eq "entries of 'my runs'" "$(printf '%s\n' .crimepipe.lock "$new" "one -> $new" | sort)" \
	"$(entries "my runs")"
hasnt "my runs/one/manifest.json" "my outcomes.csv"

# A directory that is not a run is never replaced.
mkdir notrun
echo keep >notrun/file
run 2 "$ROOT/pipelines/monthly.sh" --replace --out notrun 2019-01 "$STREET"
has err "'notrun' is not a run directory (no options.env): not replacing it"
eq "notrun/file" keep "$(cat notrun/file)"

# Standard input, and the default directory out/MONTH.
mkdir sub
(cd sub && "$ROOT/pipelines/monthly.sh" 2019-01 - <"$STREET" >../stdout.txt 2>../stderr.txt) ||
	fail "monthly.sh on standard input: $(cat stderr.txt)"
eq "stdout" out/2019-01 "$(cat stdout.txt)"
# The same figures; only the input's name differs.
grep -v ',input_records,' "my runs/one/measures.csv" >file.csv
grep -v ',input_records,' sub/out/2019-01/measures.csv >stdin.csv
same file.csv stdin.csv
has sub/out/2019-01/measures.csv ",input_records,<stdin>,$(($(lines "$STREET") - 1)),"
