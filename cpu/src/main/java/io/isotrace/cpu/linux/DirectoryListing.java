package io.isotrace.cpu.linux;

import io.isotrace.trace.port.LittleEndian;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The entries of an open directory and the read position in them, serialised as getdents64's
 * {@code struct linux_dirent64} (d_ino, d_off, d_reclen, d_type, NUL-terminated d_name, 8-byte aligned). Entries are
 * listed "." and ".." first, then by name, so listings are the same on every host.
 */
final class DirectoryListing {
    /** d_type values (include/linux/fs_types.h via dirent.h). */
    static final int DT_UNKNOWN = 0;
    static final int DT_FIFO = 1;
    static final int DT_CHR = 2;
    static final int DT_DIR = 4;
    static final int DT_BLK = 6;
    static final int DT_REG = 8;
    static final int DT_LNK = 10;
    static final int DT_SOCK = 12;

    record Entry(String name, long ino, int type) {
    }

    private final List<Entry> entries;
    /** Index of the next entry to return (the d_off of the previous one). */
    int position;

    DirectoryListing(List<Entry> entries) {
        this.entries = entries;
    }

    static int typeOf(int mode) {
        switch (mode & FileStat.S_IFMT) {
            case FileStat.S_IFDIR:
                return DT_DIR;
            case FileStat.S_IFREG:
                return DT_REG;
            case FileStat.S_IFLNK:
                return DT_LNK;
            case FileStat.S_IFIFO:
                return DT_FIFO;
            case FileStat.S_IFCHR:
                return DT_CHR;
            case FileStat.S_IFBLK:
                return DT_BLK;
            case FileStat.S_IFSOCK:
                return DT_SOCK;
            default:
                return DT_UNKNOWN;
        }
    }

    /** Serialises entries from the position into at most {@code max} bytes; EINVAL if not even one fits. */
    byte[] next(int max) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (position < entries.size()) {
            Entry e = entries.get(position);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int reclen = (19 + name.length + 1 + 7) & ~7;
            if (out.size() + reclen > max) {
                if (out.size() == 0) {
                    throw new SyscallError(Errno.EINVAL);
                }
                break;
            }
            byte[] rec = new byte[reclen];
            LittleEndian.putLong(rec, 0, e.ino());
            LittleEndian.putLong(rec, 8, position + 1);
            LittleEndian.put(rec, 16, 2, reclen);
            rec[18] = (byte) e.type();
            System.arraycopy(name, 0, rec, 19, name.length);
            out.write(rec, 0, reclen);
            position++;
        }
        return out.toByteArray();
    }

    long seek(long offset, int whence) {
        long target;
        switch (whence) {
            case OpenFlags.SEEK_SET:
                target = offset;
                break;
            case OpenFlags.SEEK_CUR:
                target = position + offset;
                break;
            default:
                throw new SyscallError(Errno.EINVAL);
        }
        if (target < 0) {
            throw new SyscallError(Errno.EINVAL);
        }
        position = (int) Math.min(target, entries.size());
        return target;
    }
}
