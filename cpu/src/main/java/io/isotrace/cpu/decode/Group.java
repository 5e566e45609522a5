package io.isotrace.cpu.decode;

/**
 * The top-level A64 encoding groups (Arm ARM C4.1, selected by op0 = bits 28:25), used to organise the tables and
 * to name what an unimplemented instruction belongs to.
 */
public enum Group {
    RESERVED("reserved"),
    SME("SME"),
    SVE("SVE"),
    DP_IMMEDIATE("data processing - immediate"),
    BRANCH_SYSTEM("branches, exception generating and system instructions"),
    LOAD_STORE("loads and stores"),
    DP_REGISTER("data processing - register"),
    SIMD_FP("data processing - scalar floating-point and Advanced SIMD");

    private final String description;

    Group(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The group a word belongs to by its op0 field, as in the Arm ARM's top-level table. */
    public static Group of(int word) {
        int op0 = (word >>> 25) & 0xF;
        if ((word >>> 31) == 1 && op0 == 0) {
            return SME;
        }
        switch (op0) {
            case 0b0000:
                return RESERVED;
            case 0b0010:
                return SVE;
            case 0b1000:
            case 0b1001:
                return DP_IMMEDIATE;
            case 0b1010:
            case 0b1011:
                return BRANCH_SYSTEM;
            case 0b0101:
            case 0b1101:
                return DP_REGISTER;
            case 0b0111:
            case 0b1111:
                return SIMD_FP;
            default:
                // x1x0: loads and stores; 0001 and 0011 unallocated
                return (op0 & 0b0101) == 0b0100 ? LOAD_STORE : RESERVED;
        }
    }
}
