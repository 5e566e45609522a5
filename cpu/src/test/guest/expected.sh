#!/bin/sh
# Records the reference outcome of every committed guest program: stdout, stderr and exit status under
# qemu-aarch64 -cpu cortex-a53 (Debian qemu-user), into ../resources/guest-expected/NAME.{stdout,stderr,exit}.
# GuestProgramsTest compares Isotrace with these files in every `mvn verify`; GuestProgramsReferenceTest
# (-Preference) checks that they still equal what qemu says. Programs listed in not-compared.txt are skipped.
# Runs each program from the cpu module directory (as surefire does), with a fixed environment and empty stdin
# (or NAME.stdin). qemu's own "qemu: ..." lines are not the guest's and are removed from stderr.
set -eu
cd "$(dirname "$0")/../../.."   # the cpu module directory
QEMU=${ISOTRACE_QEMU:-qemu-aarch64}
exp=resources/guest-expected
for prog in src/test/resources/guest/*; do
  name=$(basename "$prog")
  head -c 4 "$prog" | grep -q 'ELF' || continue
  if grep -q "^$name	" "src/test/$exp/not-compared.txt"; then
    echo "skip $name (not-compared.txt)"
    continue
  fi
  in=/dev/null
  [ -e "src/test/$exp/$name.stdin" ] && in="src/test/$exp/$name.stdin"
  set +e
  # A subshell that execs qemu: the shell's own "Segmentation fault" report stays out of the file.
  ( exec env -i PATH=/usr/bin:/bin HOME=/ LANG=C LC_ALL=C "$QEMU" -cpu cortex-a53 -0 "$name" "$prog" \
    < "$in" > "src/test/$exp/$name.stdout" 2> "src/test/$exp/$name.stderr.raw" )
  echo $? > "src/test/$exp/$name.exit"
  set -e
  grep -v -e '^qemu:' -e '^qemu-aarch64:' "src/test/$exp/$name.stderr.raw" > "src/test/$exp/$name.stderr" || true
  rm -f "src/test/$exp/$name.stderr.raw"
  [ -s "src/test/$exp/$name.stderr" ] || rm -f "src/test/$exp/$name.stderr"
  echo "$name: exit $(cat "src/test/$exp/$name.exit")"
done
