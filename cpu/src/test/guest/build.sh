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
  "$CC" -O2 -static -s -o "$out/${c%.c}" "$c" -lm
done
# Integer-ISA programs and benchmark workloads (isa/): freestanding C, no libc, general registers only, so they
# exercise the integer instruction set alone. A source may name its architecture in an "isa-march:" comment.
for c in isa/*.c; do
  [ -e "$c" ] || continue
  name=$(basename "$c" .c)
  march=$(sed -n 's/.*isa-march: *\([^ ]*\).*/\1/p' "$c")
  "$CC" -O2 -static -nostdlib -ffreestanding -mgeneral-regs-only ${march:+-march=$march} -o "$out/$name" "$c"
done
