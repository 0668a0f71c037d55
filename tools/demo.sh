#!/usr/bin/env bash
# make demo: install missing build dependencies (as root; otherwise print
# the command), build, run the monthly pipeline on sample-data/ and say
# where the report is.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(gcc make libc6-dev pkg-config libcsv-dev libarchive-dev zlib1g-dev)
missing=()
command -v pkg-config >/dev/null || missing+=(pkg-config)
[ -f /usr/include/csv.h ] || missing+=(libcsv-dev)
[ -f /usr/include/archive.h ] || missing+=(libarchive-dev)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
command -v cc >/dev/null || missing+=(gcc libc6-dev)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "demo: installing ${missing[*]}"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
	else
		echo "demo: missing build dependencies (${missing[*]}); run:" >&2
		echo "  sudo apt-get install -y ${packages[*]}" >&2
		exit 1
	fi
fi
make -s all
out=out/demo
if [ -x pipelines/monthly.sh ]; then
	# --replace: a run of an earlier make demo is replaced, as one.
	pipelines/monthly.sh --replace --out "$out" --force Warwickshire 2019-12 \
	    sample-data/warwickshire-extract.csv.gz >/dev/null
	echo
	echo "demo: the December 2019 Performance Summary is in $out:"
	for f in "$out"/summary.*; do echo "  $f"; done
	echo "demo: each stage's record stream is kept in $out/streams/, its rejects in"
	echo "  $out/rejects/, its log in $out/logs/; the run manifest is $out/manifest.json"
else
	echo "demo: the pipeline scripts or report stages are missing" >&2
	exit 1
fi
