package io.isotrace.cpu.linux;

/**
 * A system call failing with an errno, thrown from wherever the failure is found (path resolution, a file
 * operation) and turned into the negative return value by the dispatcher. Carries no stack trace: it is a guest
 * event, not a bug.
 */
public final class SyscallError extends RuntimeException {
    private final int errno;

    public SyscallError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    @Override
    public String getMessage() {
        return Errno.name(errno);
    }
}
