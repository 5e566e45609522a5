package io.isotrace.cpu.linux;

/** One system call's implementation: arguments x0..x5 in, the value for x0 out (negative errno on failure). */
@FunctionalInterface
public interface Syscall {
    long call(GuestProcess p, long a0, long a1, long a2, long a3, long a4, long a5);
}
