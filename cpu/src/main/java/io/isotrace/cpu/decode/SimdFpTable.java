package io.isotrace.cpu.decode;

/** Data processing - scalar floating-point and Advanced SIMD (Arm ARM C4.1.96), and SIMD&FP loads/stores. */
final class SimdFpTable {
    private SimdFpTable() {
    }

    static void register(EncodingTable t) {
    }
}
