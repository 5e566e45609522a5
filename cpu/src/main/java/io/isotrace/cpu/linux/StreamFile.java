package io.isotrace.cpu.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The run's standard streams as the guest's descriptors 0, 1 and 2. They present themselves as pipes (S_IFIFO):
 * what they are on the host is not the guest's business, and a fixed answer keeps runs reproducible. They are
 * never terminals (see {@link IoSyscalls} for ioctl). Writes are flushed at once, so the guest's stdout and stderr
 * interleave as it wrote them.
 */
final class StreamFile extends OpenFile {
    private final InputStream in;
    private final OutputStream out;
    private final int fdNumber;
    private final long timeSec;

    private StreamFile(int flags, InputStream in, OutputStream out, int fdNumber, long timeSec) {
        super(flags);
        this.in = in;
        this.out = out;
        this.fdNumber = fdNumber;
        this.timeSec = timeSec;
    }

    static StreamFile input(InputStream in, long timeSec) {
        return new StreamFile(OpenFlags.O_RDONLY, in, null, 0, timeSec);
    }

    static StreamFile output(OutputStream out, int fd, long timeSec) {
        return new StreamFile(OpenFlags.O_WRONLY, null, out, fd, timeSec);
    }

    @Override
    long read(byte[] b, int off, int len) {
        if (in == null) {
            throw new SyscallError(Errno.EBADF);
        }
        if (len == 0) {
            return 0;
        }
        try {
            int n = in.read(b, off, len);
            return Math.max(n, 0);
        } catch (IOException e) {
            throw new SyscallError(Errno.EIO);
        }
    }

    @Override
    long write(byte[] b, int off, int len) {
        if (out == null) {
            throw new SyscallError(Errno.EBADF);
        }
        try {
            out.write(b, off, len);
            out.flush();
            return len;
        } catch (IOException e) {
            // The reader of our output went away: what a pipe says then.
            return -Errno.EPIPE;
        }
    }

    /** 0: how much a host pipe holds at this instant depends on host timing, which must not reach the guest. */
    @Override
    long available() {
        return 0;
    }

    @Override
    int poll(int events) {
        // A read may block in the host, but never forever in the guest's terms: report readiness.
        return events & (in != null ? POLLIN : POLLOUT);
    }

    @Override
    FileStat stat() {
        return FileStat.special(FileStat.S_IFIFO | 0600, 12, 1 + fdNumber, 0, timeSec);
    }

    @Override
    String describe() {
        return "pipe:[" + (1 + fdNumber) + "]";
    }
}
