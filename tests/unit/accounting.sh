# The accounting property on generated bad inputs (docs/stream.md
# "Accounting and exit status"): force extracts and police.uk street files
# made from the reference tables, some records damaged (quotes, commas, CR,
# NUL, blank lines, truncation, field counts, huge fields, the data rules
# of DEFINITIONS.md 1.3, 2.1, 2.2, 2.4), plain and gzip, through
# ingest-crime | tag-rural | flag-repeat | compute-outcomes |
# aggregate-district, and each later stage again on a damaged copy of its
# input.  read = written + rejected at every stage, each stage reads what
# the one before wrote, every rejected record's raw bytes are in the
# rejects file, and no good record goes missing.  The generator and its
# oracle are accounting.py (fixed seeds: a failure reproduces).
command -v python3 >/dev/null || skip "python3 not installed"
python3 "$CASE/accounting.py" "$BIN" "$ROOT" || fail "the accounting property does not hold (above)"
