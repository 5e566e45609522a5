package io.isotrace.cpu.linux;

import io.isotrace.trace.port.LittleEndian;

import java.nio.charset.StandardCharsets;

/**
 * Paths: openat, the stat family, readlinkat, faccessat, getcwd/chdir/fchdir, and the calls that change the tree
 * (mkdirat, unlinkat, renameat2, symlinkat, fchmodat, truncate, utimensat), which succeed only below writable
 * directories (see {@link GuestFileSystem}).
 */
final class FileSyscalls {
    private static final long UTIME_NOW = (1L << 30) - 1;
    private static final long UTIME_OMIT = (1L << 30) - 2;

    private final LinuxKernel k;

    FileSyscalls(LinuxKernel k) {
        this.k = k;
    }

    private GuestFileSystem fs() {
        return k.fs;
    }

    void register(SyscallTable t) {
        t.add(56, "openat", (p, dirfd, path, flags, mode, a4, a5) -> openat(p, dirfd, path, flags, mode));
        t.add(79, "newfstatat", (p, dirfd, path, buf, flags, a4, a5) -> fstatat(p, dirfd, path, buf, flags, false));
        t.add(80, "fstat", (p, fd, buf, a2, a3, a4, a5) -> {
            p.mem.write(buf, p.fds.get(fd).stat().toStat());
            return 0;
        });
        t.add(291, "statx", (p, dirfd, path, flags, mask, buf, a5) -> fstatat(p, dirfd, path, buf, flags, true));
        t.add(78, "readlinkat", (p, dirfd, path, buf, size, a4, a5) -> readlinkat(p, dirfd, path, buf, size));
        t.add(48, "faccessat", (p, dirfd, path, mode, a3, a4, a5) -> faccessat(p, dirfd, path, mode, 0));
        t.add(439, "faccessat2", (p, dirfd, path, mode, flags, a4, a5) -> faccessat(p, dirfd, path, mode, flags));
        t.add(17, "getcwd", (p, buf, size, a2, a3, a4, a5) -> getcwd(p, buf, size));
        t.add(49, "chdir", (p, path, a1, a2, a3, a4, a5) -> chdir(p, fs().resolve(p, OpenFlags.AT_FDCWD,
                p.mem.readCString(path, GuestPaths.PATH_MAX), true)));
        t.add(50, "fchdir", (p, fd, a1, a2, a3, a4, a5) -> fchdir(p, fd));
        t.add(34, "mkdirat", (p, dirfd, path, mode, a3, a4, a5) -> {
            fs().mkdir(fs().resolve(p, dirfd, str(p, path), false), (int) mode & ~p.umask & 07777);
            return 0;
        });
        t.add(35, "unlinkat", (p, dirfd, path, flags, a3, a4, a5) -> {
            if ((flags & ~OpenFlags.AT_REMOVEDIR) != 0) {
                return -Errno.EINVAL;
            }
            fs().unlink(fs().resolve(p, dirfd, str(p, path), false), (flags & OpenFlags.AT_REMOVEDIR) != 0);
            return 0;
        });
        t.add(38, "renameat", (p, od, op, nd, np, a4, a5) -> rename(p, od, op, nd, np, 0));
        t.add(276, "renameat2", (p, od, op, nd, np, flags, a5) -> rename(p, od, op, nd, np, flags));
        t.add(36, "symlinkat", (p, target, dirfd, path, a3, a4, a5) -> {
            fs().symlink(str(p, target), fs().resolve(p, dirfd, str(p, path), false));
            return 0;
        });
        t.add(37, "linkat", (p, od, op, nd, np, flags, a5) -> {
            fs().resolve(p, od, str(p, op), (flags & OpenFlags.AT_SYMLINK_FOLLOW) != 0);
            GuestFileSystem.Node to = fs().resolve(p, nd, str(p, np), false);
            if (to.exists()) {
                return -Errno.EEXIST;
            }
            if (to.host() != null) {
                fs().checkWritable(to.host().getParent());
            }
            return -Errno.EPERM; // hard links are not offered (a copy would not be a link)
        });
        t.add(53, "fchmodat", (p, dirfd, path, mode, a3, a4, a5) -> {
            fs().chmod(fs().resolve(p, dirfd, str(p, path), true), (int) mode & 07777);
            return 0;
        });
        t.add(52, "fchmod", (p, fd, mode, a2, a3, a4, a5) -> fchmod(p, fd, mode));
        t.add(54, "fchownat", (p, dirfd, path, uid, gid, flags, a5) -> chown(p, fs().resolve(p, dirfd, str(p, path),
                (flags & OpenFlags.AT_SYMLINK_NOFOLLOW) == 0), uid, gid));
        t.add(55, "fchown", (p, fd, uid, gid, a3, a4, a5) -> {
            p.fds.get(fd);
            return (int) uid == -1 || (int) uid == LinuxIds.UID ? 0 : -Errno.EPERM;
        });
        t.add(45, "truncate", (p, path, len, a2, a3, a4, a5) -> {
            if (len < 0) {
                return -Errno.EINVAL;
            }
            fs().truncate(fs().resolve(p, OpenFlags.AT_FDCWD, str(p, path), true), len);
            return 0;
        });
        t.add(88, "utimensat", (p, dirfd, path, times, flags, a4, a5) -> utimensat(p, dirfd, path, times, flags));
        t.add(43, "statfs", (p, path, buf, a2, a3, a4, a5) -> {
            fs().stat(fs().resolve(p, OpenFlags.AT_FDCWD, str(p, path), true));
            return statfs(p, buf);
        });
        t.add(44, "fstatfs", (p, fd, buf, a2, a3, a4, a5) -> {
            p.fds.get(fd);
            return statfs(p, buf);
        });
        t.add(33, "mknodat", (p, dirfd, path, mode, dev, a4, a5) -> {
            GuestFileSystem.Node n = fs().resolve(p, dirfd, str(p, path), false);
            if (n.exists()) {
                return -Errno.EEXIST;
            }
            if (n.host() != null) {
                fs().checkWritable(n.host().getParent());
            }
            return -Errno.EPERM; // an unprivileged process may not make device nodes; FIFOs are not offered
        });
        t.add(51, "chroot", (p, path, a1, a2, a3, a4, a5) -> -Errno.EPERM);
    }

    private static String str(GuestProcess p, long va) {
        return p.mem.readCString(va, GuestPaths.PATH_MAX);
    }

    private long openat(GuestProcess p, long dirfd, long pathVa, long flags, long mode) {
        String path = str(p, pathVa);
        int f = (int) flags;
        boolean follow = (f & OpenFlags.O_NOFOLLOW) == 0;
        GuestFileSystem.Node n = fs().resolve(p, dirfd, path, follow);
        OpenFile file = fs().open(n, f, (int) mode & ~p.umask & 07777);
        return p.fds.install(file, 0, (f & OpenFlags.O_CLOEXEC) != 0);
    }

    /** newfstatat and statx: the same lookup, two layouts. AT_EMPTY_PATH with "" stats the descriptor itself. */
    private long fstatat(GuestProcess p, long dirfd, long pathVa, long buf, long flags, boolean statx) {
        String path = str(p, pathVa);
        FileStat st;
        if (path.isEmpty() && (flags & OpenFlags.AT_EMPTY_PATH) != 0) {
            st = (int) dirfd == OpenFlags.AT_FDCWD ? fs().stat(fs().resolve(p, dirfd, ".", true))
                    : p.fds.get(dirfd).stat();
        } else {
            st = fs().stat(fs().resolve(p, dirfd, path, (flags & OpenFlags.AT_SYMLINK_NOFOLLOW) == 0));
        }
        p.mem.write(buf, statx ? st.toStatx() : st.toStat());
        return 0;
    }

    private long readlinkat(GuestProcess p, long dirfd, long pathVa, long buf, long size) {
        if (size <= 0) {
            return -Errno.EINVAL;
        }
        String target = fs().readlink(fs().resolve(p, dirfd, str(p, pathVa), false));
        byte[] b = target.getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(b.length, size); // not NUL-terminated, truncated silently: readlink(2)
        p.mem.write(buf, b, 0, n);
        return n;
    }

    private long faccessat(GuestProcess p, long dirfd, long pathVa, long mode, long flags) {
        if ((mode & ~7) != 0) {
            return -Errno.EINVAL;
        }
        fs().access(fs().resolve(p, dirfd, str(p, pathVa), (flags & OpenFlags.AT_SYMLINK_NOFOLLOW) == 0),
                (int) mode);
        return 0;
    }

    private long getcwd(GuestProcess p, long buf, long size) {
        byte[] b = (p.cwd + "\0").getBytes(StandardCharsets.UTF_8);
        if (size < b.length) {
            return -Errno.ERANGE;
        }
        p.mem.write(buf, b);
        return b.length;
    }

    private long chdir(GuestProcess p, GuestFileSystem.Node n) {
        if (!n.isDirectory()) {
            if (n.kind() == GuestFileSystem.Kind.HOST && !n.exists()) {
                return -Errno.ENOENT;
            }
            return -Errno.ENOTDIR;
        }
        p.cwd = n.guestPath();
        return 0;
    }

    private long fchdir(GuestProcess p, long fd) {
        String dir = p.fds.get(fd).directoryPath();
        if (dir == null) {
            return -Errno.ENOTDIR;
        }
        p.cwd = dir;
        return 0;
    }

    private long rename(GuestProcess p, long od, long op, long nd, long np, long flags) {
        if (flags != 0) {
            return -Errno.EINVAL; // RENAME_NOREPLACE/EXCHANGE/WHITEOUT not offered
        }
        fs().rename(fs().resolve(p, od, str(p, op), false), fs().resolve(p, nd, str(p, np), false));
        return 0;
    }

    private long fchmod(GuestProcess p, long fd, long mode) {
        OpenFile f = p.fds.get(fd);
        if (f.hostFile() == null) {
            return -Errno.EPERM;
        }
        fs().chmod(GuestFileSystem.Node.host(f.describe(), f.hostFile(), true), (int) mode & 07777);
        return 0;
    }

    /** chown: only to the process's own ids (an unprivileged process), and only where writes are allowed. */
    private long chown(GuestProcess p, GuestFileSystem.Node n, long uid, long gid) {
        fs().stat(n);
        if (n.host() != null) {
            fs().checkWritable(n.host());
        }
        boolean uidOk = (int) uid == -1 || (int) uid == LinuxIds.UID;
        boolean gidOk = (int) gid == -1 || (int) gid == LinuxIds.GID;
        return uidOk && gidOk ? 0 : -Errno.EPERM;
    }

    private long utimensat(GuestProcess p, long dirfd, long pathVa, long times, long flags) {
        GuestFileSystem.Node n;
        if (pathVa == 0) {
            OpenFile f = p.fds.get(dirfd);
            if (f.hostFile() == null) {
                return 0;
            }
            n = GuestFileSystem.Node.host(f.describe(), f.hostFile(), true);
        } else {
            n = fs().resolve(p, dirfd, str(p, pathVa), (flags & OpenFlags.AT_SYMLINK_NOFOLLOW) == 0);
        }
        long nowNs = LinuxKernel.EPOCH_SEC * 1_000_000_000L + k.now() / 1000;
        long at = nowNs;
        long mt = nowNs;
        if (times != 0) {
            at = timeArg(p.mem.read64(times), p.mem.read64(times + 8), nowNs);
            mt = timeArg(p.mem.read64(times + 16), p.mem.read64(times + 24), nowNs);
        }
        fs().setTimes(n, at, mt);
        return 0;
    }

    private static long timeArg(long sec, long nsec, long nowNs) {
        if (nsec == UTIME_NOW) {
            return nowNs;
        }
        if (nsec == UTIME_OMIT) {
            return -1;
        }
        if (nsec < 0 || nsec >= 1_000_000_000L) {
            throw new SyscallError(Errno.EINVAL);
        }
        return sec * 1_000_000_000L + nsec;
    }

    /** struct statfs (120 bytes on arm64): an ext4-like file system, read-only unless writes are allowed. */
    private static long statfs(GuestProcess p, long buf) {
        byte[] b = new byte[120];
        LittleEndian.putLong(b, 0, 0xEF53); // f_type: EXT4_SUPER_MAGIC
        LittleEndian.putLong(b, 8, 4096); // f_bsize
        LittleEndian.putLong(b, 16, 1L << 20); // f_blocks
        LittleEndian.putLong(b, 24, 1L << 19); // f_bfree
        LittleEndian.putLong(b, 32, 1L << 19); // f_bavail
        LittleEndian.putLong(b, 40, 1L << 16); // f_files
        LittleEndian.putLong(b, 48, 1L << 15); // f_ffree
        LittleEndian.putLong(b, 64, 255); // f_namelen
        LittleEndian.putLong(b, 72, 4096); // f_frsize
        p.mem.write(buf, b);
        return 0;
    }
}
