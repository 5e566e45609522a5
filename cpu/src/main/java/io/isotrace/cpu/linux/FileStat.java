package io.isotrace.cpu.linux;

import io.isotrace.trace.port.LittleEndian;

/**
 * What stat reports about a file, and the two layouts arm64 programs read it in: {@code struct stat} of
 * include/uapi/asm-generic/stat.h (128 bytes; newfstatat, fstat) and {@code struct statx} (256 bytes).
 *
 * @param dev  device number in the glibc encoding (as Java's "unix:dev" attribute gives it)
 * @param rdev device number a device file stands for
 */
public record FileStat(long dev, long ino, int mode, int nlink, int uid, int gid, long rdev, long size,
                       int blksize, long blocks, long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec,
                       long ctimeSec, long ctimeNsec) {
    public static final int STAT_SIZE = 128;
    public static final int STATX_SIZE = 256;

    /** File type bits of st_mode (include/uapi/linux/stat.h). */
    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;

    /** statx mask bits: everything struct stat has (STATX_BASIC_STATS). */
    public static final int STATX_BASIC_STATS = 0x7FF;

    public int type() {
        return mode & S_IFMT;
    }

    public boolean isDirectory() {
        return type() == S_IFDIR;
    }

    public boolean isRegular() {
        return type() == S_IFREG;
    }

    /** A file that is not on a disk (pipes, devices, the standard streams): times are the epoch of the run. */
    public static FileStat special(int mode, long dev, long ino, long rdev, long timeSec) {
        return new FileStat(dev, ino, mode, 1, LinuxIds.UID, LinuxIds.GID, rdev, 0, 4096, 0, timeSec, 0, timeSec,
                0, timeSec, 0);
    }

    public byte[] toStat() {
        byte[] b = new byte[STAT_SIZE];
        LittleEndian.putLong(b, 0, dev);
        LittleEndian.putLong(b, 8, ino);
        LittleEndian.putInt(b, 16, mode);
        LittleEndian.putInt(b, 20, nlink);
        LittleEndian.putInt(b, 24, uid);
        LittleEndian.putInt(b, 28, gid);
        LittleEndian.putLong(b, 32, rdev);
        LittleEndian.putLong(b, 48, size);
        LittleEndian.putInt(b, 56, blksize);
        LittleEndian.putLong(b, 64, blocks);
        LittleEndian.putLong(b, 72, atimeSec);
        LittleEndian.putLong(b, 80, atimeNsec);
        LittleEndian.putLong(b, 88, mtimeSec);
        LittleEndian.putLong(b, 96, mtimeNsec);
        LittleEndian.putLong(b, 104, ctimeSec);
        LittleEndian.putLong(b, 112, ctimeNsec);
        return b;
    }

    public byte[] toStatx() {
        byte[] b = new byte[STATX_SIZE];
        LittleEndian.putInt(b, 0, STATX_BASIC_STATS);
        LittleEndian.putInt(b, 4, blksize);
        LittleEndian.putInt(b, 16, nlink);
        LittleEndian.putInt(b, 20, uid);
        LittleEndian.putInt(b, 24, gid);
        LittleEndian.put(b, 28, 2, mode);
        LittleEndian.putLong(b, 32, ino);
        LittleEndian.putLong(b, 40, size);
        LittleEndian.putLong(b, 48, blocks);
        putTime(b, 64, atimeSec, atimeNsec);
        putTime(b, 96, ctimeSec, ctimeNsec);
        putTime(b, 112, mtimeSec, mtimeNsec);
        LittleEndian.putInt(b, 128, major(rdev));
        LittleEndian.putInt(b, 132, minor(rdev));
        LittleEndian.putInt(b, 136, major(dev));
        LittleEndian.putInt(b, 140, minor(dev));
        return b;
    }

    private static void putTime(byte[] b, int off, long sec, long nsec) {
        LittleEndian.putLong(b, off, sec);
        LittleEndian.putInt(b, off + 8, (int) nsec);
    }

    /** gnu_dev_major / gnu_dev_minor of glibc's sys/sysmacros.h. */
    static int major(long dev) {
        return (int) (((dev >>> 8) & 0xFFF) | ((dev >>> 32) & ~0xFFFL));
    }

    static int minor(long dev) {
        return (int) ((dev & 0xFF) | ((dev >>> 12) & ~0xFFL));
    }

    static long makedev(int major, int minor) {
        return ((long) (major & 0xFFF) << 8) | ((long) (major & ~0xFFF) << 32) | (minor & 0xFF)
                | ((long) (minor & ~0xFF) << 12);
    }
}
