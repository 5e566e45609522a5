package io.isotrace.cpu.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A regular host file opened by the guest: reads and writes go to a {@link FileChannel} at the shared offset. */
final class HostFile extends OpenFile {
    private final FileChannel channel;
    private final Path host;
    private final String guestPath;
    private final GuestFileSystem fs;

    HostFile(int flags, FileChannel channel, Path host, String guestPath, GuestFileSystem fs) {
        super(flags);
        this.channel = channel;
        this.host = host;
        this.guestPath = guestPath;
        this.fs = fs;
    }

    @Override
    long read(byte[] b, int off, int len) {
        try {
            int n = channel.read(ByteBuffer.wrap(b, off, len));
            return Math.max(n, 0);
        } catch (IOException e) {
            throw GuestFileSystem.errnoOf(e);
        }
    }

    @Override
    long write(byte[] b, int off, int len) {
        try {
            if ((flags & OpenFlags.O_APPEND) != 0) {
                channel.position(channel.size());
            }
            return channel.write(ByteBuffer.wrap(b, off, len));
        } catch (IOException e) {
            throw GuestFileSystem.errnoOf(e);
        }
    }

    @Override
    long pread(byte[] b, int off, int len, long pos) {
        if (pos < 0) {
            throw new SyscallError(Errno.EINVAL);
        }
        try {
            return Math.max(channel.read(ByteBuffer.wrap(b, off, len), pos), 0);
        } catch (IOException e) {
            throw GuestFileSystem.errnoOf(e);
        }
    }

    @Override
    long pwrite(byte[] b, int off, int len, long pos) {
        if (pos < 0) {
            throw new SyscallError(Errno.EINVAL);
        }
        try {
            return channel.write(ByteBuffer.wrap(b, off, len), pos);
        } catch (IOException e) {
            throw GuestFileSystem.errnoOf(e);
        }
    }

    @Override
    long seek(long offset, int whence) {
        try {
            long base;
            switch (whence) {
                case OpenFlags.SEEK_SET:
                    base = 0;
                    break;
                case OpenFlags.SEEK_CUR:
                    base = channel.position();
                    break;
                case OpenFlags.SEEK_END:
                    base = channel.size();
                    break;
                case 3: // SEEK_DATA: no holes are known, so data starts where asked
                    if (offset >= channel.size()) {
                        throw new SyscallError(Errno.ENXIO);
                    }
                    base = 0;
                    break;
                case 4: // SEEK_HOLE: the only hole is at the end
                    if (offset >= channel.size()) {
                        throw new SyscallError(Errno.ENXIO);
                    }
                    channel.position(channel.size());
                    return channel.size();
                default:
                    throw new SyscallError(Errno.EINVAL);
            }
            long target = base + offset;
            if (target < 0) {
                throw new SyscallError(Errno.EINVAL);
            }
            channel.position(target);
            return target;
        } catch (IOException e) {
            throw GuestFileSystem.errnoOf(e);
        }
    }

    @Override
    FileStat stat() {
        return fs.hostStat(host, true);
    }

    @Override
    long available() {
        try {
            return Math.max(0, channel.size() - channel.position());
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    void truncate(long length) {
        if (!writable()) {
            throw new SyscallError(Errno.EINVAL);
        }
        try {
            if (length <= channel.size()) {
                channel.truncate(length);
            } else {
                channel.write(ByteBuffer.wrap(new byte[1]), length - 1);
            }
        } catch (IOException e) {
            throw GuestFileSystem.errnoOf(e);
        }
    }

    @Override
    Path hostFile() {
        return host;
    }

    @Override
    void release() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing the guest could do about it: close(2) has already succeeded from its point of view.
        }
    }

    @Override
    String describe() {
        return guestPath;
    }
}
