package io.isotrace.controller.env;

/**
 * Why a control operation (create, map, switch ...) was refused. The code is what the register block's RESULT
 * register reads after a refused command, so it must never be renumbered.
 */
public enum ControlError {
    OK(0),
    NO_SUCH_ENVIRONMENT(1),
    ENVIRONMENT_EXISTS(2),
    NO_FREE_ENVIRONMENT(3),
    MISALIGNED(4),
    BAD_SIZE(5),
    OUTSIDE_MEMORY(6),
    ONTO_REGISTER_BLOCK(7),
    OVERLAPS_MAPPING(8),
    NOT_SHARED(9),
    NOT_MAPPED(10),
    LOCKED(11),
    BAD_COMMAND(12),
    TABLE_FULL(13),
    BAD_REQUESTER(14),
    RESERVED_MEMORY(15),
    BAD_ARGUMENT(16),
    PARTIAL_MAPPING(17);

    private final int code;

    ControlError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
