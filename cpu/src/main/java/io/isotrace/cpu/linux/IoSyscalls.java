package io.isotrace.cpu.linux;

import io.isotrace.trace.port.LittleEndian;

/**
 * Descriptor I/O: read/write and their vector and positioned forms, lseek, close, pipe2, dup/dup3, fcntl, ioctl,
 * ppoll/pselect6, getdents64, sendfile.
 *
 * <p><b>Terminals.</b> No guest descriptor is a terminal: the standard streams are the run's Java streams, which may
 * or may not be a terminal on the host. qemu-user passes terminal ioctls through to the host; Isotrace answers every
 * terminal ioctl (TCGETS, TIOCGWINSZ, TIOCGPGRP ...) with ENOTTY, so a program behaves the same whether the run's
 * output goes to a terminal, a pipe or a file (busybox ls prints one name per line, as into a pipe).
 *
 * <p><b>Blocking.</b> A read of an empty pipe that still has a writer, or a write to a full pipe that still has a
 * reader, puts the process to sleep (or fails with EAGAIN under O_NONBLOCK). A large pipe write is completed across
 * sleeps, returning the full count as Linux does; a write to a pipe without readers raises SIGPIPE and fails with
 * EPIPE.
 */
final class IoSyscalls {
    /** At most this many bytes move per read or write call (Linux caps at MAX_RW_COUNT; callers loop). */
    static final int MAX_IO = 1 << 24;
    private static final int IOV_MAX = 1024;

    /** Terminal ioctls (include/uapi/asm-generic/ioctls.h). */
    static final int TCGETS = 0x5401;
    static final int TIOCGWINSZ = 0x5413;
    static final int FIONREAD = 0x541B;
    static final int FIONBIO = 0x5421;
    static final int FIONCLEX = 0x5450;
    static final int FIOCLEX = 0x5451;

    private final LinuxKernel k;

    IoSyscalls(LinuxKernel k) {
        this.k = k;
    }

    void register(SyscallTable t) {
        t.add(63, "read", (p, fd, buf, count, a3, a4, a5) -> read(p, fd, buf, count));
        t.add(64, "write", (p, fd, buf, count, a3, a4, a5) -> write(p, fd, buf, count));
        t.add(65, "readv", (p, fd, iov, cnt, a3, a4, a5) -> readv(p, fd, iov, cnt, -1));
        t.add(66, "writev", (p, fd, iov, cnt, a3, a4, a5) -> writev(p, fd, iov, cnt, -1));
        t.add(67, "pread64", (p, fd, buf, count, off, a4, a5) -> pread(p, fd, buf, count, off));
        t.add(68, "pwrite64", (p, fd, buf, count, off, a4, a5) -> pwrite(p, fd, buf, count, off));
        t.add(69, "preadv", (p, fd, iov, cnt, off, a4, a5) -> readv(p, fd, iov, cnt, off));
        t.add(70, "pwritev", (p, fd, iov, cnt, off, a4, a5) -> writev(p, fd, iov, cnt, off));
        t.add(62, "lseek", (p, fd, off, whence, a3, a4, a5) -> p.fds.get(fd).seek(off, (int) whence));
        t.add(57, "close", (p, fd, a1, a2, a3, a4, a5) -> {
            p.fds.close(fd);
            return 0;
        });
        t.add(59, "pipe2", (p, fds, flags, a2, a3, a4, a5) -> pipe2(p, fds, flags));
        t.add(23, "dup", (p, fd, a1, a2, a3, a4, a5) -> dup(p, fd, 0, false));
        t.add(24, "dup3", (p, oldfd, newfd, flags, a3, a4, a5) -> dup3(p, oldfd, newfd, flags));
        t.add(25, "fcntl", (p, fd, cmd, arg, a3, a4, a5) -> fcntl(p, fd, cmd, arg));
        t.add(29, "ioctl", (p, fd, req, arg, a3, a4, a5) -> ioctl(p, fd, req, arg));
        t.add(73, "ppoll", (p, fds, nfds, tmo, mask, size, a5) -> ppoll(p, fds, nfds, tmo, mask));
        t.add(72, "pselect6", (p, n, r, w, e, tmo, mask) -> pselect(p, n, r, w, e, tmo));
        t.add(61, "getdents64", (p, fd, dirp, count, a3, a4, a5) -> getdents(p, fd, dirp, count));
        t.add(71, "sendfile", (p, out, in, off, count, a4, a5) -> sendfile(p, out, in, off, count));
        t.add(46, "ftruncate", (p, fd, len, a2, a3, a4, a5) -> {
            if (len < 0) {
                return -Errno.EINVAL;
            }
            p.fds.get(fd).truncate(len);
            return 0;
        });
        t.add(82, "fsync", (p, fd, a1, a2, a3, a4, a5) -> checkFd(p, fd));
        t.add(83, "fdatasync", (p, fd, a1, a2, a3, a4, a5) -> checkFd(p, fd));
        t.add(81, "sync", (p, a0, a1, a2, a3, a4, a5) -> 0);
        t.add(32, "flock", (p, fd, op, a2, a3, a4, a5) -> checkFd(p, fd));
        t.add(223, "fadvise64", (p, fd, off, len, advice, a4, a5) -> checkFd(p, fd));
    }

    private static long checkFd(GuestProcess p, long fd) {
        p.fds.get(fd);
        return 0;
    }

    // ------------------------------------------------------------------ read and write

    private OpenFile readable(GuestProcess p, long fd) {
        OpenFile f = p.fds.get(fd);
        if (!f.readable()) {
            throw new SyscallError(Errno.EBADF);
        }
        return f;
    }

    private OpenFile writable(GuestProcess p, long fd) {
        OpenFile f = p.fds.get(fd);
        if (!f.writable()) {
            throw new SyscallError(Errno.EBADF);
        }
        return f;
    }

    /** Streams and pipes hand out at most this much per read (a pipe holds 64 KiB; callers loop). */
    private static final int STREAM_CHUNK = 1 << 20;

    /**
     * How much to ask of a file for a request of {@code count} bytes: no more than a regular file has left, no more
     * than {@link #STREAM_CHUNK} of a stream (so that a huge count does not mean a huge buffer).
     */
    private static int chunk(OpenFile f, long count) {
        long n = Long.compareUnsigned(count, MAX_IO) > 0 ? MAX_IO : count;
        if (f instanceof HostFile) {
            n = Math.min(n, Math.max(f.available(), 0));
        } else if (!(f instanceof DeviceFile)) {
            n = Math.min(n, STREAM_CHUNK);
        }
        return (int) n;
    }

    private long read(GuestProcess p, long fd, long buf, long count) {
        OpenFile f = readable(p, fd);
        int n = chunk(f, count);
        if (count == 0) {
            return 0;
        }
        p.mem.checkWritable(buf, n);
        byte[] b = new byte[n];
        long r = f.read(b, 0, n);
        if (r == OpenFile.WOULD_BLOCK) {
            return f.nonBlocking() ? -Errno.EAGAIN : k.block(p, f::readReady);
        }
        p.mem.write(buf, b, 0, (int) r);
        return r;
    }

    private long write(GuestProcess p, long fd, long buf, long count) {
        OpenFile f = writable(p, fd);
        int n = (int) Math.min(Long.compareUnsigned(count, MAX_IO) > 0 ? MAX_IO : count, MAX_IO);
        long done = p.progress;
        byte[] b = p.mem.read(buf + done, (int) (n - done));
        return writeAll(p, f, b, n, done);
    }

    /**
     * Writes {@code data} (the bytes from {@code done} of an {@code n}-byte request) as far as it goes: completes,
     * sleeps keeping its progress, or fails with EPIPE (and SIGPIPE) or EAGAIN, reporting partial progress first.
     */
    private long writeAll(GuestProcess p, OpenFile f, byte[] data, int n, long done) {
        int off = 0;
        while (done < n) {
            long r = f.write(data, off, data.length - off);
            if (r == -Errno.EPIPE) {
                k.sendSignal(p, SigInfo.user(Signals.SIGPIPE, SigInfo.SI_USER, p.pid));
                return done > 0 ? done : -Errno.EPIPE;
            }
            if (r == OpenFile.WOULD_BLOCK) {
                if (f.nonBlocking()) {
                    return done > 0 ? done : -Errno.EAGAIN;
                }
                p.progress = done;
                int rest = data.length - off;
                return k.block(p, () -> f.writeReady(rest));
            }
            done += r;
            off += (int) r;
        }
        return done;
    }

    private long pread(GuestProcess p, long fd, long buf, long count, long off) {
        OpenFile f = readable(p, fd);
        if (off < 0) {
            return -Errno.EINVAL;
        }
        int n = (int) Math.min(Long.compareUnsigned(count, MAX_IO) > 0 ? MAX_IO : count, MAX_IO);
        p.mem.checkWritable(buf, n);
        byte[] b = new byte[n];
        long r = f.pread(b, 0, n, off);
        p.mem.write(buf, b, 0, (int) r);
        return r;
    }

    private long pwrite(GuestProcess p, long fd, long buf, long count, long off) {
        OpenFile f = writable(p, fd);
        if (off < 0) {
            return -Errno.EINVAL;
        }
        int n = (int) Math.min(Long.compareUnsigned(count, MAX_IO) > 0 ? MAX_IO : count, MAX_IO);
        return f.pwrite(p.mem.read(buf, n), 0, n, off);
    }

    /** The iovec array as (base, length) pairs; EINVAL for too many or a negative total. */
    private static long[][] iovecs(GuestProcess p, long iov, long cnt) {
        if (cnt < 0 || cnt > IOV_MAX) {
            throw new SyscallError(Errno.EINVAL);
        }
        long[][] v = new long[(int) cnt][];
        long total = 0;
        for (int i = 0; i < cnt; i++) {
            long base = p.mem.read64(iov + 16L * i);
            long len = p.mem.read64(iov + 16L * i + 8);
            if (len < 0) {
                throw new SyscallError(Errno.EINVAL);
            }
            total += len;
            if (total < 0) {
                throw new SyscallError(Errno.EINVAL);
            }
            v[i] = new long[] {base, len};
        }
        return v;
    }

    private long readv(GuestProcess p, long fd, long iov, long cnt, long off) {
        OpenFile f = readable(p, fd);
        long[][] v = iovecs(p, iov, cnt);
        long total = 0;
        for (long[] e : v) {
            total += e[1];
        }
        int n = chunk(f, total);
        if (off >= 0) {
            n = (int) Math.min(total, MAX_IO);
        }
        byte[] b = new byte[n];
        long r = off >= 0 ? f.pread(b, 0, n, off) : n == 0 ? 0 : f.read(b, 0, n);
        if (r == OpenFile.WOULD_BLOCK) {
            return f.nonBlocking() ? -Errno.EAGAIN : k.block(p, f::readReady);
        }
        int pos = 0;
        for (long[] e : v) {
            int m = (int) Math.min(e[1], r - pos);
            if (m <= 0) {
                break;
            }
            p.mem.write(e[0], b, pos, m);
            pos += m;
        }
        return r;
    }

    private long writev(GuestProcess p, long fd, long iov, long cnt, long off) {
        OpenFile f = writable(p, fd);
        long[][] v = iovecs(p, iov, cnt);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (long[] e : v) {
            int m = (int) Math.min(e[1], MAX_IO - all.size());
            all.write(p.mem.read(e[0], m), 0, m);
            if (all.size() >= MAX_IO) {
                break;
            }
        }
        byte[] b = all.toByteArray();
        if (off >= 0) {
            return f.pwrite(b, 0, b.length, off);
        }
        long done = p.progress;
        byte[] rest = java.util.Arrays.copyOfRange(b, (int) done, b.length);
        return writeAll(p, f, rest, b.length, done);
    }

    // ------------------------------------------------------------------ descriptors

    private long pipe2(GuestProcess p, long fdsVa, long flags) {
        if ((flags & ~(OpenFlags.O_CLOEXEC | OpenFlags.O_NONBLOCK | OpenFlags.O_DIRECT)) != 0) {
            return -Errno.EINVAL;
        }
        p.mem.checkWritable(fdsVa, 8);
        Pipe pipe = new Pipe(k.nextInode());
        boolean cloexec = (flags & OpenFlags.O_CLOEXEC) != 0;
        int r = p.fds.install(new PipeEnd(pipe, true, (int) flags, LinuxKernel.EPOCH_SEC), 0, cloexec);
        int w;
        try {
            w = p.fds.install(new PipeEnd(pipe, false, (int) flags, LinuxKernel.EPOCH_SEC), 0, cloexec);
        } catch (SyscallError e) {
            p.fds.close(r);
            throw e;
        }
        p.mem.write32(fdsVa, r);
        p.mem.write32(fdsVa + 4, w);
        return 0;
    }

    private long dup(GuestProcess p, long fd, int min, boolean cloexec) {
        OpenFile f = p.fds.get(fd);
        f.retain();
        return p.fds.install(f, min, cloexec);
    }

    private long dup3(GuestProcess p, long oldfd, long newfd, long flags) {
        if (oldfd == newfd || (flags & ~OpenFlags.O_CLOEXEC) != 0) {
            return -Errno.EINVAL;
        }
        OpenFile f = p.fds.get(oldfd);
        if (newfd < 0 || newfd >= FdTable.MAX_FDS) {
            return -Errno.EBADF;
        }
        f.retain();
        p.fds.installAt((int) newfd, f, (flags & OpenFlags.O_CLOEXEC) != 0);
        return newfd;
    }

    private long fcntl(GuestProcess p, long fd, long cmd, long arg) {
        OpenFile f = p.fds.get(fd);
        switch ((int) cmd) {
            case OpenFlags.F_DUPFD:
            case OpenFlags.F_DUPFD_CLOEXEC:
                if (arg < 0 || arg >= FdTable.MAX_FDS) {
                    return -Errno.EINVAL;
                }
                return dup(p, fd, (int) arg, cmd == OpenFlags.F_DUPFD_CLOEXEC);
            case OpenFlags.F_GETFD:
                return p.fds.closeOnExec(fd) ? OpenFlags.FD_CLOEXEC : 0;
            case OpenFlags.F_SETFD:
                p.fds.setCloseOnExec(fd, (arg & OpenFlags.FD_CLOEXEC) != 0);
                return 0;
            case OpenFlags.F_GETFL:
                return f.flags | OpenFlags.O_LARGEFILE;
            case OpenFlags.F_SETFL:
                f.flags = (f.flags & ~OpenFlags.SETFL_MASK) | ((int) arg & OpenFlags.SETFL_MASK);
                return 0;
            case OpenFlags.F_GETLK:
                // No one else holds locks: report the region unlocked (l_type = F_UNLCK).
                p.mem.write(arg, new byte[] {2, 0});
                return 0;
            case OpenFlags.F_SETLK:
            case OpenFlags.F_SETLKW:
                return 0;
            case OpenFlags.F_GETPIPE_SZ:
                return f instanceof PipeEnd ? Pipe.CAPACITY : -Errno.EBADF;
            default:
                return -Errno.EINVAL;
        }
    }

    private long ioctl(GuestProcess p, long fd, long req, long arg) {
        OpenFile f = p.fds.get(fd);
        switch ((int) req) {
            case FIONREAD:
                p.mem.write32(arg, (int) Math.min(f.available(), Integer.MAX_VALUE));
                return 0;
            case FIONBIO:
                if (p.mem.read32(arg) != 0) {
                    f.flags |= OpenFlags.O_NONBLOCK;
                } else {
                    f.flags &= ~OpenFlags.O_NONBLOCK;
                }
                return 0;
            case FIOCLEX:
                p.fds.setCloseOnExec(fd, true);
                return 0;
            case FIONCLEX:
                p.fds.setCloseOnExec(fd, false);
                return 0;
            default:
                // TCGETS, TIOCGWINSZ and every other terminal request: not a terminal (see the class comment).
                return -Errno.ENOTTY;
        }
    }

    // ------------------------------------------------------------------ waiting for several descriptors

    private int revents(GuestProcess p, int fd, int events) {
        if (fd < 0) {
            return 0;
        }
        if (!p.fds.isOpen(fd)) {
            return OpenFile.POLLNVAL;
        }
        return p.fds.get(fd).poll(events);
    }

    /** The deadline of a call with a timespec timeout (null: none), fixed at its first attempt. */
    private long deadline(GuestProcess p, long tmo) {
        if (tmo == 0) {
            return Blocker.NEVER;
        }
        if (p.deadline < 0) {
            p.deadline = k.now() + TimeSyscalls.timespecNs(p, tmo) * 1000;
        }
        return p.deadline;
    }

    private long ppoll(GuestProcess p, long fdsVa, long nfds, long tmo, long mask) {
        if (nfds < 0 || nfds > FdTable.MAX_FDS) {
            return -Errno.EINVAL;
        }
        long deadline = deadline(p, tmo);
        byte[] b = nfds == 0 ? new byte[0] : p.mem.read(fdsVa, (int) (8 * nfds));
        int ready = 0;
        for (int i = 0; i < nfds; i++) {
            int fd = LittleEndian.getInt(b, 8 * i);
            int events = (int) LittleEndian.get(b, 8 * i + 4, 2);
            int re = revents(p, fd, events);
            LittleEndian.put(b, 8 * i + 6, 2, re);
            if (re != 0) {
                ready++;
            }
        }
        if (ready > 0 || deadline <= k.now()) {
            p.deadline = -1;
            if (nfds > 0) {
                p.mem.write(fdsVa, b);
            }
            return ready;
        }
        return k.block(p, new Blocker() {
            @Override
            public boolean ready() {
                for (int i = 0; i < nfds; i++) {
                    int fd = LittleEndian.getInt(b, 8 * i);
                    if (revents(p, fd, (int) LittleEndian.get(b, 8 * i + 4, 2)) != 0) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public long deadlinePs() {
                return deadline;
            }
        });
    }

    private long pselect(GuestProcess p, long n, long rVa, long wVa, long eVa, long tmo) {
        if (n < 0 || n > FdTable.MAX_FDS) {
            return -Errno.EINVAL;
        }
        int words = (int) ((n + 63) / 64);
        long[] r = readSet(p, rVa, words);
        long[] w = readSet(p, wVa, words);
        long deadline = deadline(p, tmo);
        long[] ro = new long[words];
        long[] wo = new long[words];
        int count = 0;
        for (int fd = 0; fd < n; fd++) {
            long bit = 1L << (fd & 63);
            boolean wantR = (r[fd >> 6] & bit) != 0;
            boolean wantW = (w[fd >> 6] & bit) != 0;
            if (!wantR && !wantW) {
                continue;
            }
            if (!p.fds.isOpen(fd)) {
                return -Errno.EBADF;
            }
            int re = p.fds.get(fd).poll(OpenFile.POLLIN | OpenFile.POLLOUT);
            if (wantR && (re & (OpenFile.POLLIN | OpenFile.POLLHUP | OpenFile.POLLERR)) != 0) {
                ro[fd >> 6] |= bit;
                count++;
            }
            if (wantW && (re & (OpenFile.POLLOUT | OpenFile.POLLERR)) != 0) {
                wo[fd >> 6] |= bit;
                count++;
            }
        }
        if (count > 0 || deadline <= k.now()) {
            p.deadline = -1;
            writeSet(p, rVa, ro);
            writeSet(p, wVa, wo);
            writeSet(p, eVa, new long[words]);
            return count;
        }
        Blocker b = new Blocker() {
            @Override
            public boolean ready() {
                for (int fd = 0; fd < n; fd++) {
                    long bit = 1L << (fd & 63);
                    if (((r[fd >> 6] | w[fd >> 6]) & bit) != 0 && p.fds.isOpen(fd)
                            && p.fds.get(fd).poll(OpenFile.POLLIN | OpenFile.POLLOUT) != 0) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public long deadlinePs() {
                return deadline;
            }
        };
        return k.block(p, b);
    }

    private static long[] readSet(GuestProcess p, long va, int words) {
        long[] s = new long[words];
        if (va != 0) {
            for (int i = 0; i < words; i++) {
                s[i] = p.mem.read64(va + 8L * i);
            }
        }
        return s;
    }

    private static void writeSet(GuestProcess p, long va, long[] s) {
        if (va != 0) {
            for (int i = 0; i < s.length; i++) {
                p.mem.write64(va + 8L * i, s[i]);
            }
        }
    }

    // ------------------------------------------------------------------ directories, sendfile

    private long getdents(GuestProcess p, long fd, long dirp, long count) {
        OpenFile f = p.fds.get(fd);
        byte[] b = f.listing().next((int) Math.min(count, MAX_IO));
        p.mem.write(dirp, b);
        return b.length;
    }

    private long sendfile(GuestProcess p, long outFd, long inFd, long offVa, long count) {
        OpenFile out = writable(p, outFd);
        OpenFile in = readable(p, inFd);
        if (count == 0) {
            return 0;
        }
        if (!out.writeReady(1)) {
            return out.nonBlocking() ? -Errno.EAGAIN : k.block(p, () -> out.writeReady(1));
        }
        int n = (int) Math.min(Math.min(count, MAX_IO), Math.max(1, out.writeCapacity()));
        if (in instanceof HostFile) {
            n = (int) Math.min(n, Math.max(in.available(), offVa != 0 ? n : 0));
        }
        byte[] b = new byte[n];
        long r;
        if (offVa != 0) {
            long off = p.mem.read64(offVa);
            r = in.pread(b, 0, n, off);
            p.mem.write64(offVa, off + r);
        } else {
            r = in.read(b, 0, n);
            if (r == OpenFile.WOULD_BLOCK) {
                return in.nonBlocking() ? -Errno.EAGAIN : k.block(p, in::readReady);
            }
        }
        if (r <= 0) {
            return r;
        }
        long w = out.write(b, 0, (int) r);
        if (w == -Errno.EPIPE) {
            k.sendSignal(p, SigInfo.user(Signals.SIGPIPE, SigInfo.SI_USER, p.pid));
            return -Errno.EPIPE;
        }
        return w;
    }
}
