# --help and --version write to stdout; when stdout cannot take them
# (/dev/full) every filter says so and exits 1 (issue 8, defect 10: --help
# exited 0 in silence).
for f in ingest-crime tag-rural flag-repeat compute-outcomes aggregate-district emit-summary; do
	"$BIN/$f" --help >/dev/full 2>err
	eq "$f --help >/dev/full: exit" 1 $?
	has err "$f: <stdout>: write error"
	"$BIN/$f" --version >/dev/full 2>err
	eq "$f --version >/dev/full: exit" 1 $?
	"$BIN/$f" --help >out 2>err
	eq "$f --help: exit" 0 $?
	has out "usage: $f"
done
