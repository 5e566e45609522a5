#!/bin/sh
# Runs the comparison with DRAMSim3 and the speed benchmark. DRAMSim3 is not part of Isotrace: build it yourself
# (outside this repository) and pass its directory, e.g.  validation/run-validation.sh /tmp/DRAMSim3
# Needs a built Isotrace: mvn -B -q package -DskipTests
set -eu
ds3=${1:?usage: run-validation.sh DRAMSIM3_DIR (containing build/dramsim3main and configs/)}
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/bin/isotrace" dram validate --dramsim3 "$ds3/build/dramsim3main" \
  --ini "$ds3/configs/DDR4_8Gb_x8_3200.ini" --config "$here/validation/isotrace-ddr4-3200-dramsim3.yaml"
"$here/bin/isotrace" dram bench --dramsim3 "$ds3/build/dramsim3main" --ini "$ds3/configs/DDR4_8Gb_x8_3200.ini"
