package io.isotrace.cpu.decode;

/**
 * Data processing - scalar floating-point and Advanced SIMD (Arm ARM C4.1.96). The group is large, so its rows
 * live in one table class per area; this class registers them all.
 */
final class SimdFpTable {
    private SimdFpTable() {
    }

    static void register(EncodingTable t) {
        FpScalarTable.register(t);
        SimdThreeSameTable.register(t);
        SimdPermuteTable.register(t);
        SimdTwoRegTable.register(t);
        SimdWideTable.register(t);
        SimdFpVectorTable.register(t);
        SimdUnimplementedTable.register(t);
    }
}
