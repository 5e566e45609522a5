package io.isotrace.cpu.linux;

/**
 * System calls by number (the arm64 generic table, include/uapi/asm-generic/unistd.h) to their implementations. The
 * names, for --strace and the "unknown syscall" warning, live in {@link SyscallNames}; each registration states its
 * name too and is checked against it, so the two cannot drift apart.
 */
public final class SyscallTable {
    public static final int MAX = 512;

    private final Syscall[] calls = new Syscall[MAX];

    public SyscallTable add(int number, String name, Syscall call) {
        if (!name.equals(SyscallNames.of(number))) {
            throw new IllegalStateException("syscall " + number + " is " + SyscallNames.of(number) + ", not " + name);
        }
        if (calls[number] != null) {
            throw new IllegalStateException("syscall " + number + " (" + name + ") registered twice");
        }
        calls[number] = call;
        return this;
    }

    /** The implementation of {@code number}, or null when it is not implemented. */
    public Syscall get(long number) {
        return number >= 0 && number < MAX ? calls[(int) number] : null;
    }
}
