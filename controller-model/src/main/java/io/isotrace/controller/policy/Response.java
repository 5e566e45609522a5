package io.isotrace.controller.policy;

/**
 * What the requester sees when a check fails. The three answers real designs give: an error response on the bus
 * (AXI SLVERR/DECERR, an external abort or granule protection fault in the core), read-as-zero/write-ignored (the
 * bus completes with OKAY, the SIE-200 MPC with CTRL.SEC_RESP = 0, the TZC-400 with ACTION = 0 or 2), or a decode
 * error because nothing is mapped at the address.
 */
public enum Response {
    ALLOW(0),
    BUS_ERROR(1),
    RAZ_WI(2),
    DECODE_ERROR(3);

    private static final Response[] BY_CODE = values();
    private final int code;

    Response(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Response fromCode(int code) {
        return BY_CODE[code & 3];
    }
}
