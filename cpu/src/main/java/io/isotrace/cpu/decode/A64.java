package io.isotrace.cpu.decode;

/**
 * The A64 instruction set as Isotrace knows it: every per-group table, compiled once. Adding an instruction means
 * adding a row to its group's table and a case to its group's executor; nothing else dispatches on encodings.
 */
public final class A64 {
    private static final EncodingTable TABLE = buildTable();
    private static final Decoder DECODER = TABLE.build();

    private A64() {
    }

    private static EncodingTable buildTable() {
        EncodingTable t = new EncodingTable();
        DpImmediateTable.register(t.group(Group.DP_IMMEDIATE));
        BranchSystemTable.register(t.group(Group.BRANCH_SYSTEM));
        LoadStoreTable.register(t.group(Group.LOAD_STORE));
        DpRegisterTable.register(t.group(Group.DP_REGISTER));
        SimdFpTable.register(t.group(Group.SIMD_FP));
        return t;
    }

    /** The shared decoder (decoding is stateless apart from a scratch object; one per thread would be needed for
     * concurrent decoding, which the interpreter never does). */
    public static Decoder decoder() {
        return DECODER;
    }

    public static EncodingTable table() {
        return TABLE;
    }
}
