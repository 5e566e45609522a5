package io.isotrace.cpu.linux;

import java.util.Arrays;

/**
 * A process's file descriptors: each refers to an {@link OpenFile} and carries its own close-on-exec flag. fork
 * copies the table (the descriptions are shared); execve closes the close-on-exec ones.
 */
final class FdTable {
    /** RLIMIT_NOFILE's usual soft limit. */
    static final int MAX_FDS = 1024;

    private OpenFile[] files = new OpenFile[16];
    private boolean[] cloexec = new boolean[16];

    /** The description of {@code fd}, or EBADF. */
    OpenFile get(long fd) {
        if (fd < 0 || fd >= files.length || files[(int) fd] == null) {
            throw new SyscallError(Errno.EBADF);
        }
        return files[(int) fd];
    }

    boolean isOpen(long fd) {
        return fd >= 0 && fd < files.length && files[(int) fd] != null;
    }

    /** Installs {@code f} (whose reference the table takes over) at the lowest free descriptor >= {@code min}. */
    int install(OpenFile f, int min, boolean closeOnExec) {
        for (int fd = Math.max(min, 0); fd < MAX_FDS; fd++) {
            if (fd >= files.length) {
                grow(fd + 1);
            }
            if (files[fd] == null) {
                files[fd] = f;
                cloexec[fd] = closeOnExec;
                return fd;
            }
        }
        f.close();
        throw new SyscallError(Errno.EMFILE);
    }

    /** Makes {@code fd} refer to {@code f} (dup2/dup3), closing what it referred to. */
    void installAt(int fd, OpenFile f, boolean closeOnExec) {
        if (fd < 0 || fd >= MAX_FDS) {
            throw new SyscallError(Errno.EBADF);
        }
        if (fd >= files.length) {
            grow(fd + 1);
        }
        OpenFile old = files[fd];
        files[fd] = f;
        cloexec[fd] = closeOnExec;
        if (old != null) {
            old.close();
        }
    }

    void close(long fd) {
        OpenFile f = get(fd);
        files[(int) fd] = null;
        cloexec[(int) fd] = false;
        f.close();
    }

    boolean closeOnExec(long fd) {
        get(fd);
        return cloexec[(int) fd];
    }

    void setCloseOnExec(long fd, boolean on) {
        get(fd);
        cloexec[(int) fd] = on;
    }

    /** fork: the same descriptions under the same numbers. */
    FdTable copy() {
        FdTable t = new FdTable();
        t.files = files.clone();
        t.cloexec = cloexec.clone();
        for (OpenFile f : t.files) {
            if (f != null) {
                f.retain();
            }
        }
        return t;
    }

    void closeOnExec() {
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null && cloexec[fd]) {
                close(fd);
            }
        }
    }

    void closeAll() {
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null) {
                close(fd);
            }
        }
    }

    /** Open descriptor numbers in ascending order. */
    int[] openFds() {
        int[] out = new int[files.length];
        int n = 0;
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null) {
                out[n++] = fd;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private void grow(int min) {
        int n = Math.max(min, files.length * 2);
        files = Arrays.copyOf(files, n);
        cloexec = Arrays.copyOf(cloexec, n);
    }
}
