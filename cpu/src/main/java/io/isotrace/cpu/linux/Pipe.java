package io.isotrace.cpu.linux;

/**
 * A pipe's buffer (64 KiB, Linux's default pipe size) and the number of open read and write descriptions. Reads take
 * what is there; writes of at most {@link #PIPE_BUF} bytes are atomic (they wait until they fit whole), larger ones
 * are split (fs/pipe.c).
 */
final class Pipe {
    static final int CAPACITY = 65536;
    static final int PIPE_BUF = 4096;

    final long ino;
    private final byte[] buf = new byte[CAPACITY];
    private int head;
    private int count;
    int readers;
    int writers;

    Pipe(long ino) {
        this.ino = ino;
    }

    int available() {
        return count;
    }

    int space() {
        return CAPACITY - count;
    }

    int read(byte[] b, int off, int len) {
        int n = Math.min(len, count);
        for (int i = 0; i < n; i++) {
            b[off + i] = buf[(head + i) % CAPACITY];
        }
        head = (head + n) % CAPACITY;
        count -= n;
        return n;
    }

    int write(byte[] b, int off, int len) {
        int n = Math.min(len, space());
        int tail = (head + count) % CAPACITY;
        for (int i = 0; i < n; i++) {
            buf[(tail + i) % CAPACITY] = b[off + i];
        }
        count += n;
        return n;
    }
}
