#!/bin/sh
# The main job on the bundled default: a real program (the bundled string workload: glibc's memcpy/strlen/strchr)
# runs on the AArch64 CPU in lockstep with the isolation controller, DDR4-3200 and caches; every transaction is
# recorded; the trace is summarised; then the controller replays it under a stricter policy and reports what that
# policy would have refused. Build first: mvn -B -q package -DskipTests
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/target/demo}
isotrace="$here/bin/isotrace"
guest="$here/cpu/src/main/resources/io/isotrace/cpu/workloads/workloads.elf"
rm -rf "$out"
mkdir -p "$out"

echo "== 1. lockstep co-simulation: guest -> controller (remap) -> caches -> DDR4-3200, every transaction recorded"
"$isotrace" run --stats --policy "$here/examples/user-mode-policy-dram.yaml" --record "$out/trace" "$guest" string

echo "== 2. what the trace holds"
"$isotrace" trace stats "$out/trace"
"$isotrace" trace dump --limit 5 "$out/trace"

echo "== 3. replay under a policy with a read-only heap (exit 1: it refuses writes the program made)"
status=0
"$isotrace" replay --policy "$here/examples/user-mode-policy-readonly-heap.yaml" --out "$out/replay" "$out/trace" || status=$?
if [ "$status" -ne 1 ]; then
  echo "demo: expected the replay to find violations (exit 1), got $status" >&2
  exit 1
fi
echo "first violations:"
head -3 "$out/replay/violations.jsonl"

echo "== 4. the data accesses through the DRAM model alone (trace-driven, DDR4-3200)"
"$isotrace" dram simulate --preset DDR4-3200 "$out/trace" | head -25
echo "demo: outputs in $out"
