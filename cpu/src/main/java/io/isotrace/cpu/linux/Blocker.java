package io.isotrace.cpu.linux;

/**
 * Why a process sleeps: a system call that cannot complete yet (a read of an empty pipe with a writer, a write to a
 * full pipe with a reader, wait4 for a live child, ppoll with nothing ready, a vfork parent waiting for its child).
 * The scheduler runs it again once {@link #ready()} holds, or a signal is pending, or its deadline passed.
 */
interface Blocker {
    /** No deadline. */
    long NEVER = Long.MAX_VALUE;

    boolean ready();

    /** Simulated time (ps) at which the wait ends anyway (a timeout), or {@link #NEVER}. */
    default long deadlinePs() {
        return NEVER;
    }
}
