package io.isotrace.cpu.decode;

/** Data processing - register (Arm ARM C4.1.95). */
final class DpRegisterTable {
    private DpRegisterTable() {
    }

    static void register(EncodingTable t) {
    }
}
