#!/bin/sh
# Rebuilds the bundled benchmark workloads (needs gcc-aarch64-linux-gnu). The binary is committed so that
# `isotrace bench cpu` works from the jar on any machine; rerun this after changing workloads.c and commit both.
set -eu
cd "$(dirname "$0")"
out=../main/resources/io/isotrace/cpu/workloads
mkdir -p "$out"
${CC:-aarch64-linux-gnu-gcc} -O2 -static -o "$out/workloads.elf" workloads.c
${STRIP:-aarch64-linux-gnu-strip} "$out/workloads.elf"
