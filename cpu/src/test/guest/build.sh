#!/bin/sh
# Rebuilds the committed guest test programs from their sources. Needs gcc-aarch64-linux-gnu
# (apt-get install -y gcc-aarch64-linux-gnu). The binaries are committed so that `mvn verify`
# needs no cross compiler; rerun this after changing a source and commit both.
set -eu
cd "$(dirname "$0")"
out=../resources/guest
mkdir -p "$out"
CC=${CC:-aarch64-linux-gnu-gcc}
for s in *.S; do
  "$CC" -nostdlib -static -o "$out/${s%.S}" "$s"
done
for c in *.c; do
  [ -e "$c" ] || continue
  "$CC" -O2 -static -o "$out/${c%.c}" "$c"
done
