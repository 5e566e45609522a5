package io.isotrace.cpu.linux;

/**
 * open flags, fcntl commands and *at flags as arm64 Linux defines them (include/uapi/asm-generic/fcntl.h with the
 * overrides of arch/arm64/include/uapi/asm/fcntl.h: O_DIRECTORY, O_NOFOLLOW, O_DIRECT, O_LARGEFILE differ from the
 * generic values).
 */
public final class OpenFlags {
    public static final int O_ACCMODE = 03;
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_NOCTTY = 0400;
    public static final int O_TRUNC = 01000;
    public static final int O_APPEND = 02000;
    public static final int O_NONBLOCK = 04000;
    public static final int O_DSYNC = 010000;
    public static final int O_DIRECTORY = 040000;
    public static final int O_NOFOLLOW = 0100000;
    public static final int O_DIRECT = 0200000;
    public static final int O_LARGEFILE = 0400000;
    public static final int O_NOATIME = 01000000;
    public static final int O_CLOEXEC = 02000000;
    public static final int O_PATH = 010000000;
    public static final int O_TMPFILE = 020000000;
    /** The status flags F_SETFL may change (fs/fcntl.c SETFL_MASK). */
    public static final int SETFL_MASK = O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME;

    public static final int F_DUPFD = 0;
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int F_GETLK = 5;
    public static final int F_SETLK = 6;
    public static final int F_SETLKW = 7;
    public static final int F_DUPFD_CLOEXEC = 1030;
    public static final int F_GETPIPE_SZ = 1032;
    public static final int FD_CLOEXEC = 1;

    public static final int AT_FDCWD = -100;
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;
    public static final int AT_REMOVEDIR = 0x200;
    public static final int AT_EACCESS = 0x200;
    public static final int AT_SYMLINK_FOLLOW = 0x400;
    public static final int AT_EMPTY_PATH = 0x1000;

    public static final int SEEK_SET = 0;
    public static final int SEEK_CUR = 1;
    public static final int SEEK_END = 2;

    /** access() modes. */
    public static final int R_OK = 4;
    public static final int W_OK = 2;
    public static final int X_OK = 1;

    private OpenFlags() {
    }

    /** True when {@code flags} ask to write or to change the file (the cases a read-only tree refuses). */
    public static boolean wantsWrite(int flags) {
        int acc = flags & O_ACCMODE;
        return acc == O_WRONLY || acc == O_RDWR || (flags & (O_TRUNC | O_TMPFILE)) != 0;
    }
}
