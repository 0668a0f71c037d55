# The JSON validates against docs/summary.schema.json (issue 11 "JSON as
# data"), for every fixture; and the validator can fail: a document
# changed by hand in four ways is refused with a reason for each.
source "$CASE/lib.inc"
write_table m.csv
write_other o.csv
write_policeuk p.csv
write_full f.csv
schema=$ROOT/docs/summary.schema.json
for t in "m.csv o.csv" p.csv f.csv; do
	# shellcheck disable=SC2086
	run 0 "$BIN/emit-summary" --format json $t
	python3 "$CASE/jsonschema.py" "$schema" out >verdict ||
		{ cat verdict; fail "$t: the JSON does not validate"; }
done
run 0 "$BIN/emit-summary" --format json --run-log /dev/null f.csv
mv out good.json
python3 - good.json bad.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["month"] = "2019-13"                        # not a month
d["figures"][0]["value"] = [1]                # not a number, string or null
t = [c for c in d["sections"]["headline"]["content"] if "table" in c][0]
t["table"]["rows"][0][1]["colour"] = "red"    # a key the schema lacks
del t["table"]["rows"][0][1]["field"]          # a key without its field
json.dump(d, open(sys.argv[2], "w"))
PY
python3 "$CASE/jsonschema.py" "$schema" good.json >verdict || { cat verdict; fail "good.json"; }
run 1 python3 "$CASE/jsonschema.py" "$schema" bad.json
has out "/month: '2019-13' does not match"
has out "/figures/0/value: [1] is not of type number/string/null"
has out "'colour' is not allowed"
has out "'key' needs 'field'"
