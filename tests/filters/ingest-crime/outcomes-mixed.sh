# Outcomes files cannot be mixed with crime files in one run: exit 2
# (docs/stream.md "Outcome updates"), in either order, and nothing but
# the message is written.
source "$CASE/lib.inc"
run 2 "$BIN/ingest-crime" "$SAMPLE_STREET" "$SAMPLE_OUTCOMES"
has err "outcomes"
eq "stdout" "" "$(cat out)"
run 2 "$BIN/ingest-crime" "$SAMPLE_OUTCOMES" "$SAMPLE_STREET"
has err "outcomes"
