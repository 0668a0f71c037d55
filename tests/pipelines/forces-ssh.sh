# shellcheck shell=bash source-path=SCRIPTDIR
# --sshlogin goes to GNU parallel, which runs each force's run through ssh
# on another machine that sees the same files.  Here the "ssh" is a
# stand-in that runs the command on this machine in a clean environment,
# as a login would (no CRIMEPIPE_BIN or CRIMEPIPE_REFERENCE, PATH
# /usr/bin:/bin, another working directory): the runs must carry what they
# need.
# shellcheck source=forces.inc
source "$CASE/forces.inc"
if ! command -v parallel >/dev/null || ! parallel --version 2>/dev/null | grep -q '^GNU parallel'; then
	skip "GNU parallel not installed (Debian package parallel)"
fi
as_force "West Mercia" wm.csv
mkdir elsewhere
cat >fakessh <<SH
#!/bin/bash
# ssh [options] host command...: the command, here, in a clean environment.
echo "\$*" >>"$PWD/fakessh.log"
while [ \$# -gt 0 ]; do
	case \$1 in
	-l|-p|-o) shift 2 ;;
	-*) shift ;;
	*) shift; [ "\${1:-}" != -- ] || shift; break ;;
	esac
done
cd "$PWD/elsewhere" || exit 255
exec env -i PATH=/usr/bin:/bin HOME="$PWD/elsewhere" SHELL=/bin/bash bash -c "\$*"
SH
chmod +x fakessh
run 0 "$FORCES" --out runs -S "$PWD/fakessh host1" -j 2 2019-01 "$STREET" wm.csv
has err "forces.sh: running 2 forces with GNU parallel (-j 2)"
# Two runs through the stand-in (and GNU parallel's own questions).
[ "$(grep -c '^host1 ' fakessh.log)" -ge 2 ] || fail "fakessh ran $(lines fakessh.log) commands"
eq "Warwickshire total" "$(crimes "$STREET")" \
	"$(force_total runs/warwickshire/2019-01/measures.csv 2019-01 Warwickshire)"
eq "West Mercia total" "$(crimes wm.csv)" \
	"$(force_total runs/west-mercia/2019-01/measures.csv 2019-01 "West Mercia")"
has runs/index.md "2 forces: 2 done, 0 failed, 0 skipped."
links_resolve runs
[ -z "$(ls -A elsewhere)" ] || fail "a run wrote in the remote's working directory: $(ls -A elsewhere)"
