package io.isotrace.trace.record;

/**
 * The controller's answer to a transaction. {@link #UNANSWERED} marks a record that no controller has seen yet (a
 * trace recorded with the controller out of the path); a replay fills it in.
 */
public enum ReplyStatus {
    OK(0),
    /** The policy forbids the access: the requester gets an external abort or read-as-zero/write-ignored. */
    DENIED(1),
    /** Nothing is mapped at the address: the interconnect's decode error (AXI DECERR). */
    DECODE_ERROR(2),
    UNANSWERED(3);

    private static final ReplyStatus[] BY_CODE = values();

    private final int code;

    ReplyStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ReplyStatus fromCode(int code) {
        return BY_CODE[code & 3];
    }

    public static ReplyStatus parse(String text) {
        for (ReplyStatus s : values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}
