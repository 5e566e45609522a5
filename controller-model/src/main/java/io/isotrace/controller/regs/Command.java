package io.isotrace.controller.regs;

/**
 * The commands written to CMD, as a table: code and what ARG0..ARG3 carry. "perms" is a nibble of
 * READ 1, WRITE 2, EXECUTE 4, WALK 8. All but SWITCH are refused with LOCKED once CTRL.LOCK is set.
 */
public enum Command {
    ENV_CREATE(1, "ARG0 id (0xFFFF: lowest free); ARG1 [3:0] admitted security states (bit = NS,S,Realm,Root), "
            + "[7:4] admitted effective ELs (0 in either field: all); ARG2 admitted requesters 0..63 as a mask "
            + "(0: all 256) -> RESULT_VALUE = id"),
    ENV_DESTROY(2, "ARG0 environment"),
    MAP(3, "ARG0 [15:0] environment, [19:16] perms; ARG1 IPA; ARG2 PA; ARG3 size (4 KiB multiple; largest "
            + "aligned blocks are used: 4 KiB, 2 MiB, 1 GiB, 4 GiB)"),
    UNMAP(4, "ARG0 environment; ARG1 IPA; ARG3 size (whole mappings only)"),
    PROTECT(5, "ARG0 [15:0] environment, [19:16] perms; ARG1 IPA; ARG3 size (whole mappings only)"),
    SHARE(6, "ARG0 [15:0] environment A, [31:16] environment B; ARG2 PA; ARG3 size: declares a shared region"),
    SWITCH(7, "ARG0 requester; ARG1 environment (0xFFFF: none); allowed while locked");

    private final int code;
    private final String arguments;

    Command(int code, String arguments) {
        this.code = code;
        this.arguments = arguments;
    }

    public int code() {
        return code;
    }

    public String arguments() {
        return arguments;
    }

    public static Command fromCode(int code) {
        for (Command c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
