package io.isotrace.cpu.linux;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The character devices every program may rely on, emulated so that they behave the same with or without --root:
 * /dev/null, /dev/zero, /dev/full, and /dev/random and /dev/urandom, which are deterministic (seeded) like
 * getrandom.
 */
final class DeviceFile extends OpenFile {
    enum Kind {
        NULL("null", 3), ZERO("zero", 5), FULL("full", 7), RANDOM("random", 8), URANDOM("urandom", 9);

        final String name;
        final int minor;

        Kind(String name, int minor) {
            this.name = name;
            this.minor = minor;
        }

        static Kind byName(String n) {
            for (Kind k : values()) {
                if (k.name.equals(n)) {
                    return k;
                }
            }
            return null;
        }

        FileStat stat(long timeSec) {
            return FileStat.special(FileStat.S_IFCHR | 0666, 5, 100 + minor, FileStat.makedev(1, minor), timeSec);
        }
    }

    private final Kind kind;
    private final SplittableRandom random;
    private final long timeSec;

    DeviceFile(int flags, Kind kind, SplittableRandom random, long timeSec) {
        super(flags);
        this.kind = kind;
        this.random = random;
        this.timeSec = timeSec;
    }

    @Override
    long read(byte[] b, int off, int len) {
        switch (kind) {
            case NULL:
                return 0;
            case RANDOM:
            case URANDOM:
                byte[] r = new byte[len];
                random.nextBytes(r);
                System.arraycopy(r, 0, b, off, len);
                return len;
            default:
                Arrays.fill(b, off, off + len, (byte) 0);
                return len;
        }
    }

    @Override
    long write(byte[] b, int off, int len) {
        if (kind == Kind.FULL) {
            throw new SyscallError(Errno.ENOSPC);
        }
        return len;
    }

    @Override
    long pread(byte[] b, int off, int len, long pos) {
        return read(b, off, len);
    }

    @Override
    long pwrite(byte[] b, int off, int len, long pos) {
        return write(b, off, len);
    }

    @Override
    long seek(long offset, int whence) {
        return 0; // character devices like these accept any seek and stay at 0
    }

    @Override
    FileStat stat() {
        return kind.stat(timeSec);
    }

    @Override
    String describe() {
        return "/dev/" + kind.name;
    }
}
