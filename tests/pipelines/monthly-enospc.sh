# shellcheck shell=bash source-path=SCRIPTDIR
# monthly.sh on a full disk (a 2 MiB tmpfs): the run fails with exit 1
# and says so, the previous complete run is unchanged, and nothing is left
# behind: the tmpfs holds what it held before (issue 8.5).
# shellcheck source=runs.inc
source "$CASE/runs.inc"
[ "$(id -u)" = 0 ] || skip "not root: cannot mount a tmpfs"
mkdir mnt
mount -t tmpfs -o size=2m tmpfs mnt 2>mount.err ||
	skip "cannot mount a tmpfs here: $(head -n 1 mount.err)"
trap 'umount mnt' EXIT
# A run of the small street file fits (about 0.5 MiB) ...
run 0 "$ROOT/pipelines/monthly.sh" --out mnt/r 2019-01 "$STREET"
sums mnt/r >before.sums
entries mnt >before.entries
used=$(df --output=used mnt | tail -n 1)
# ... the sample's streams do not.
run 1 "$ROOT/pipelines/monthly.sh" --replace --out mnt/r --force Warwickshire 2019-12 "$SAMPLE"
has err "No space left on device"
has err "monthly.sh: ingest-crime failed"
sums mnt/r >after.sums
same before.sums after.sums
entries mnt >after.entries
same before.entries after.entries
eq "tmpfs blocks used" "$used" "$(df --output=used mnt | tail -n 1)"
# A second failure: the disk filled by another file until there is room
# for half a run only, so that the run fails in a later stage.
fill=$(( $(df --output=avail -B1 mnt | tail -n 1) - $(du -sb mnt/r/ | cut -f1) / 2 ))
head -c "$fill" /dev/zero >mnt/filler
entries mnt >before.entries
run 1 "$ROOT/pipelines/monthly.sh" --replace --out mnt/r 2019-01 "$STREET"
has err "No space left on device"
sums mnt/r >after.sums
same before.sums after.sums
entries mnt >after.entries
same before.entries after.entries
