package io.isotrace.cpu.linux;

/** One end of a {@link Pipe}: the read end (O_RDONLY) or the write end (O_WRONLY). */
final class PipeEnd extends OpenFile {
    private final Pipe pipe;
    private final boolean reader;
    private final long timeSec;

    PipeEnd(Pipe pipe, boolean reader, int statusFlags, long timeSec) {
        super((reader ? OpenFlags.O_RDONLY : OpenFlags.O_WRONLY) | (statusFlags & OpenFlags.O_NONBLOCK));
        this.pipe = pipe;
        this.reader = reader;
        this.timeSec = timeSec;
        if (reader) {
            pipe.readers++;
        } else {
            pipe.writers++;
        }
    }

    @Override
    long read(byte[] b, int off, int len) {
        if (!reader) {
            throw new SyscallError(Errno.EBADF);
        }
        if (len == 0) {
            return 0;
        }
        if (pipe.available() > 0) {
            return pipe.read(b, off, len);
        }
        return pipe.writers == 0 ? 0 : WOULD_BLOCK;
    }

    /**
     * Writes what fits now. Returns the bytes written, {@link #WOULD_BLOCK} when nothing could be written, or
     * -EPIPE (the caller raises SIGPIPE) when no reader is left.
     */
    @Override
    long write(byte[] b, int off, int len) {
        if (reader) {
            throw new SyscallError(Errno.EBADF);
        }
        if (pipe.readers == 0) {
            return -Errno.EPIPE;
        }
        if (len == 0) {
            return 0;
        }
        if (len <= Pipe.PIPE_BUF ? pipe.space() < len : pipe.space() == 0) {
            return WOULD_BLOCK;
        }
        return pipe.write(b, off, len);
    }

    @Override
    int poll(int events) {
        int r = 0;
        if (reader) {
            if (pipe.available() > 0) {
                r |= POLLIN;
            }
            if (pipe.writers == 0) {
                r |= POLLHUP;
            }
        } else {
            if (pipe.space() > 0) {
                r |= POLLOUT;
            }
            if (pipe.readers == 0) {
                r |= POLLERR;
            }
        }
        return r & (events | POLLERR | POLLHUP);
    }

    @Override
    boolean readReady() {
        return pipe.available() > 0 || pipe.writers == 0;
    }

    @Override
    boolean writeReady(int len) {
        return pipe.readers == 0 || (len <= Pipe.PIPE_BUF ? pipe.space() >= Math.max(len, 1) : pipe.space() > 0);
    }

    @Override
    long writeCapacity() {
        return pipe.space();
    }

    @Override
    long available() {
        return reader ? pipe.available() : 0;
    }

    @Override
    FileStat stat() {
        return FileStat.special(FileStat.S_IFIFO | 0600, 12, pipe.ino, 0, timeSec);
    }

    @Override
    void release() {
        if (reader) {
            pipe.readers--;
        } else {
            pipe.writers--;
        }
    }

    @Override
    String describe() {
        return "pipe:[" + pipe.ino + "]";
    }
}
