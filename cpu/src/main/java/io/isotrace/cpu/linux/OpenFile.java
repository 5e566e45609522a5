package io.isotrace.cpu.linux;

import java.nio.file.Path;

/**
 * An open file description (Linux's struct file): what a file descriptor refers to. Descriptors made by dup and
 * inherited over fork share one description, hence its offset and status flags; it is released when the last
 * descriptor referring to it is closed.
 *
 * <p>Operations fail by throwing {@link SyscallError}. One that would block returns {@link #WOULD_BLOCK}: the
 * system call then either fails with EAGAIN (O_NONBLOCK) or puts the process to sleep until {@link #poll} says it can
 * go on.
 */
abstract class OpenFile {
    static final long WOULD_BLOCK = Long.MIN_VALUE + 1;

    /** poll event bits (include/uapi/asm-generic/poll.h). */
    static final int POLLIN = 0x1;
    static final int POLLPRI = 0x2;
    static final int POLLOUT = 0x4;
    static final int POLLERR = 0x8;
    static final int POLLHUP = 0x10;
    static final int POLLNVAL = 0x20;

    /** Access mode and status flags, as F_GETFL reports them. */
    int flags;
    private int refs = 1;

    OpenFile(int flags) {
        this.flags = flags & ~(OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_NOCTTY | OpenFlags.O_TRUNC
                | OpenFlags.O_CLOEXEC);
    }

    final boolean readable() {
        int acc = flags & OpenFlags.O_ACCMODE;
        return (flags & OpenFlags.O_PATH) == 0 && (acc == OpenFlags.O_RDONLY || acc == OpenFlags.O_RDWR);
    }

    final boolean writable() {
        int acc = flags & OpenFlags.O_ACCMODE;
        return (flags & OpenFlags.O_PATH) == 0 && (acc == OpenFlags.O_WRONLY || acc == OpenFlags.O_RDWR);
    }

    final boolean nonBlocking() {
        return (flags & OpenFlags.O_NONBLOCK) != 0;
    }

    final void retain() {
        refs++;
    }

    /** Drops one descriptor's reference; the last one releases the file. */
    final void close() {
        if (--refs == 0) {
            release();
        }
    }

    /** The last reference is gone (close host files, tell a pipe's other end). */
    void release() {
    }

    long read(byte[] b, int off, int len) {
        throw new SyscallError(Errno.EINVAL);
    }

    long write(byte[] b, int off, int len) {
        throw new SyscallError(Errno.EINVAL);
    }

    long pread(byte[] b, int off, int len, long pos) {
        throw new SyscallError(Errno.ESPIPE);
    }

    long pwrite(byte[] b, int off, int len, long pos) {
        throw new SyscallError(Errno.ESPIPE);
    }

    long seek(long offset, int whence) {
        throw new SyscallError(Errno.ESPIPE);
    }

    abstract FileStat stat();

    /** The events of {@code events} (plus POLLERR/POLLHUP, always reported) that are true now. */
    int poll(int events) {
        return events & (POLLIN | POLLOUT);
    }

    /** True when a read would not block now. */
    boolean readReady() {
        return true;
    }

    /** True when a write of {@code len} bytes would make progress (or fail) without blocking now. */
    boolean writeReady(int len) {
        return true;
    }

    /** Bytes a write could take now without blocking (a pipe's free space), for sendfile. */
    long writeCapacity() {
        return Long.MAX_VALUE;
    }

    /** Bytes readable without blocking (FIONREAD). */
    long available() {
        return 0;
    }

    /** Truncates the file to {@code length} (ftruncate). */
    void truncate(long length) {
        throw new SyscallError(Errno.EINVAL);
    }

    /** The host file behind this description, for mmap; null when there is none. */
    Path hostFile() {
        return null;
    }

    /** The canonical guest path of a directory (the base of *at calls and fchdir), or null. */
    String directoryPath() {
        return null;
    }

    /** Directory entries (getdents64), or ENOTDIR. */
    DirectoryListing listing() {
        throw new SyscallError(Errno.ENOTDIR);
    }

    /** A short description for --strace and /proc/self/fd links. */
    abstract String describe();
}
