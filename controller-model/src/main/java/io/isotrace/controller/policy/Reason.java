package io.isotrace.controller.policy;

/**
 * Why a transaction was refused, and which model refused it. The code goes into a {@link Verdict} and into the
 * controller's FAULT_STATUS register, so it must never be renumbered.
 */
public enum Reason {
    NONE(0, Source.CONTROLLER, "allowed"),
    NO_ENVIRONMENT(1, Source.REMAPPER, "the requester has no active environment"),
    UNMAPPED(2, Source.REMAPPER, "nothing is mapped at this IPA in the active environment"),
    PERMISSION(3, Source.REMAPPER, "the mapping does not permit this kind of access"),
    SECURITY_STATE(4, Source.REMAPPER, "the mapping does not admit this security state"),
    EXCEPTION_LEVEL(5, Source.REMAPPER, "the mapping does not admit this exception level"),
    REQUESTER(6, Source.REMAPPER, "the mapping does not admit this requester"),
    CROSSES_MAPPING(7, Source.REMAPPER, "the access runs past the end of its mapping"),
    MPC_BLOCKED(8, Source.MPC, "the MPC block's security (BLK_LUT) does not match the access"),
    TZC_REGION(9, Source.TZC, "the TZC-400 region does not permit the access"),
    TZC_OVERLAP(10, Source.TZC, "the access matches two enabled TZC-400 regions"),
    TZC_GATE_CLOSED(11, Source.TZC, "the TZC-400 filter's gate is closed (hardware would stall the access)"),
    GPF_GPI(12, Source.GPC, "granule protection fault: the granule's GPI does not admit the access's PAS"),
    GPF_PPS(13, Source.GPC, "granule protection fault: the PA is outside the protected physical space"),
    GPF_INVALID(14, Source.GPC, "granule protection fault: invalid GPT descriptor or reserved GPI"),
    REG_NON_SECURE(15, Source.REGISTERS, "the register block is accessible only from Secure or Root state"),
    REG_BAD_ACCESS(16, Source.REGISTERS, "register accesses must be aligned 32- or 64-bit words"),
    OUTSIDE_MEMORY(17, Source.CONTROLLER, "the PA is beyond physical memory");

    /** The model that applies a check. */
    public enum Source {
        CONTROLLER, REMAPPER, MPC, TZC, GPC, REGISTERS
    }

    private static final Reason[] BY_CODE = values();

    private final int code;
    private final Source source;
    private final String description;

    Reason(int code, Source source, String description) {
        this.code = code;
        this.source = source;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public Source source() {
        return source;
    }

    public String description() {
        return description;
    }

    public static Reason fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : NONE;
    }
}
