package io.isotrace.cpu.linux;

/**
 * System calls by number (the arm64 generic table, include/uapi/asm-generic/unistd.h): name and implementation
 * side by side, so dispatch, --strace output and the "unknown syscall" warning all come from one table.
 */
public final class SyscallTable {
    public static final int MAX = 512;

    private final String[] names = new String[MAX];
    private final Syscall[] calls = new Syscall[MAX];

    public SyscallTable add(int number, String name, Syscall call) {
        if (calls[number] != null) {
            throw new IllegalStateException("syscall " + number + " registered twice (" + names[number] + ", " + name + ")");
        }
        names[number] = name;
        calls[number] = call;
        return this;
    }

    /** The implementation of {@code number}, or null when it is not implemented. */
    public Syscall get(long number) {
        return number >= 0 && number < MAX ? calls[(int) number] : null;
    }

    /** The name of {@code number} if implemented, else {@code syscall_N}. */
    public String name(long number) {
        String n = number >= 0 && number < MAX ? names[(int) number] : null;
        return n != null ? n : "syscall_" + number;
    }
}
