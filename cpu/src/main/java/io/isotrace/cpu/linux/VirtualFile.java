package io.isotrace.cpu.linux;

/** A read-only file whose text was made when it was opened (the /proc files of {@link ProcFiles}). */
final class VirtualFile extends OpenFile {
    private final byte[] text;
    private final String name;
    private final long timeSec;
    private long position;

    VirtualFile(int flags, byte[] text, String name, long timeSec) {
        super(flags);
        this.text = text;
        this.name = name;
        this.timeSec = timeSec;
    }

    @Override
    long read(byte[] b, int off, int len) {
        long n = pread(b, off, len, position);
        position += n;
        return n;
    }

    @Override
    long pread(byte[] b, int off, int len, long pos) {
        if (pos < 0) {
            throw new SyscallError(Errno.EINVAL);
        }
        int n = (int) Math.max(0, Math.min(len, text.length - pos));
        System.arraycopy(text, (int) Math.min(pos, text.length), b, off, n);
        return n;
    }

    @Override
    long seek(long offset, int whence) {
        long base = whence == OpenFlags.SEEK_SET ? 0 : whence == OpenFlags.SEEK_CUR ? position
                : whence == OpenFlags.SEEK_END ? text.length : -1;
        if (base < 0 || base + offset < 0) {
            throw new SyscallError(Errno.EINVAL);
        }
        position = base + offset;
        return position;
    }

    @Override
    long available() {
        return Math.max(0, text.length - position);
    }

    /** As Linux's procfs: a regular file of size 0 (its text has no fixed length). */
    @Override
    FileStat stat() {
        return FileStat.special(FileStat.S_IFREG | 0444, 4, 1 + (name.hashCode() & 0x7FFF_FFFFL), 0, timeSec);
    }

    @Override
    String describe() {
        return name;
    }
}
