package io.isotrace.cpu.linux;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The files a guest sees: the host's tree, read-only, below a root directory (the host's "/" by default, or
 * {@code --root DIR}), with writes allowed only below the directories given as writable.
 *
 * <p><b>Resolution.</b> Guest paths are resolved here, one component at a time, not by the host: a symbolic link's
 * target is read and resolved again in guest terms (an absolute target restarts at the guest root), and ".." never
 * leaves the root, so nothing outside the root is reachable by any path. At most 40 links are followed (ELOOP), as
 * in Linux's namei.
 *
 * <p><b>Writes.</b> Everything outside the writable directories behaves as a read-only mounted file system: any
 * attempt to create, modify, truncate, remove or rename there fails with EROFS, the errno Linux gives on a read-only
 * mount (checked after the ordinary errors: a missing file is still ENOENT, an existing one EEXIST for O_EXCL or
 * mkdir). Inside writable directories the host decides, and its refusals map to their errno (EACCES ...).
 *
 * <p><b>Virtual files.</b> {@code /proc} is Isotrace's own: {@code /proc/self} and {@code /proc/PID} with
 * {@code exe} (a link to the program as the guest sees it; opening or executing it reaches the program even when it
 * lies outside the root), {@code fd/N}, {@code cwd} and the text files of {@link ProcFiles}. In {@code /dev}: null, zero, full, random, urandom
 * (deterministic), stdin/stdout/stderr and fd (links into /proc/self/fd), and tty, which fails with ENXIO (there is
 * no controlling terminal). Everything else in /dev is the host's, read-only. This keeps runs the same whatever the
 * host's /proc and devices say.
 */
final class GuestFileSystem {
    private static final int MAX_LINKS = 40;
    private static final int NAME_MAX = 255;

    /** What a resolved path leads to. */
    enum Kind {
        /** A host file or directory (possibly not existing yet: the last component of a path to create). */
        HOST,
        /** A virtual directory (/proc, /proc/PID, /proc/PID/fd). */
        VDIR,
        /** A virtual symbolic link not followed (readlink, lstat). */
        VLINK,
        /** An emulated character device. */
        DEVICE,
        /** The controlling terminal, which no guest has. */
        TTY,
        /** A process's executable (/proc/PID/exe followed). */
        EXE,
        /** An open descriptor of a process (/proc/PID/fd/N followed). */
        FD,
        /** A text file of /proc, made when opened ({@link ProcFiles}); {@code link} holds its name. */
        VFILE
    }

    /**
     * A resolved path.
     *
     * @param guestPath canonical guest path
     * @param host      host path (HOST, EXE), else null
     * @param exists    whether it exists (HOST)
     * @param link      the link text (VLINK)
     * @param process   the process a /proc node belongs to
     * @param number    the descriptor (FD) or device kind ordinal (DEVICE)
     */
    record Node(Kind kind, String guestPath, Path host, boolean exists, String link, GuestProcess process,
                int number) {
        static Node host(String guestPath, Path host, boolean exists) {
            return new Node(Kind.HOST, guestPath, host, exists, null, null, -1);
        }

        static Node virtual(Kind kind, String guestPath, String link, GuestProcess p, int number) {
            return new Node(kind, guestPath, null, true, link, p, number);
        }

        boolean isDirectory() {
            return kind == Kind.VDIR || (kind == Kind.HOST && exists && Files.isDirectory(host));
        }
    }

    /** The tree's configuration, made into a file system once the kernel's clock and randomness exist. */
    record Builder(Path root, List<Path> writable) {
        GuestFileSystem build(long epochSec, SplittableRandom random, IntFunction<GuestProcess> processes,
                              java.util.function.LongSupplier clock) {
            return new GuestFileSystem(root, writable, epochSec, random, processes, clock);
        }
    }

    private final Path root;
    private final List<Path> writable;
    private final long epochSec;
    private final SplittableRandom random;
    private final IntFunction<GuestProcess> processes;
    private final java.util.function.LongSupplier clock;

    /**
     * @param root      the host directory that is the guest's "/", real path
     * @param writable  host directories (real paths) below which the guest may write
     * @param epochSec  the time special files report
     * @param random    the deterministic source behind /dev/random and /dev/urandom
     * @param processes live processes by pid (for /proc), null for none
     * @param clock     simulated time (ps), for /proc/uptime
     */
    GuestFileSystem(Path root, List<Path> writable, long epochSec, SplittableRandom random,
                    IntFunction<GuestProcess> processes, java.util.function.LongSupplier clock) {
        this.root = root;
        this.clock = clock;
        this.writable = List.copyOf(writable);
        this.epochSec = epochSec;
        this.random = random;
        this.processes = processes;
    }

    /** The guest path of host path {@code host} if it lies inside the root, else null. */
    String guestPathOf(Path host) {
        Path abs = host.toAbsolutePath().normalize();
        try {
            abs = abs.toRealPath();
        } catch (IOException e) {
            // keep the normalized path
        }
        if (!abs.startsWith(root)) {
            return null;
        }
        return GuestPaths.join(GuestPaths.split(root.relativize(abs).toString()));
    }

    // ------------------------------------------------------------------ resolution

    /** The canonical guest directory that relative paths of {@code dirfd} start from. */
    String baseOf(GuestProcess p, long dirfd) {
        if ((int) dirfd == OpenFlags.AT_FDCWD) {
            return p.cwd;
        }
        String dir = p.fds.get((int) dirfd).directoryPath();
        if (dir == null) {
            throw new SyscallError(Errno.ENOTDIR);
        }
        return dir;
    }

    /** Resolves {@code path} relative to {@code dirfd} (AT_FDCWD: the working directory). */
    Node resolve(GuestProcess p, long dirfd, String path, boolean followLast) {
        if (path.isEmpty()) {
            throw new SyscallError(Errno.ENOENT);
        }
        if (path.length() >= GuestPaths.PATH_MAX) {
            throw new SyscallError(Errno.ENAMETOOLONG);
        }
        String base = path.startsWith("/") ? "/" : baseOf(p, dirfd);
        return walk(p, base, path, followLast);
    }

    private Node walk(GuestProcess p, String base, String path, boolean followLast) {
        List<String> done = GuestPaths.split(base);
        List<String> todo = new ArrayList<>(GuestPaths.split(path));
        boolean mustBeDir = path.endsWith("/");
        int links = 0;
        Node node;
        while (!todo.isEmpty()) {
            String c = todo.remove(0);
            boolean last = todo.isEmpty();
            if (c.length() > NAME_MAX) {
                throw new SyscallError(Errno.ENAMETOOLONG);
            }
            if (c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            Node parent = nodeOf(p, done);
            if (!parent.isDirectory() && parent.kind != Kind.VDIR) {
                if (parent.kind == Kind.HOST && !parent.exists) {
                    throw new SyscallError(Errno.ENOENT);
                }
                throw new SyscallError(Errno.ENOTDIR);
            }
            done.add(c);
            Node n = nodeOf(p, done);
            boolean follow = !last || followLast || mustBeDir;
            if (n.kind == Kind.VLINK && follow) {
                if (++links > MAX_LINKS) {
                    throw new SyscallError(Errno.ELOOP);
                }
                Node direct = direct(n);
                if (direct != null) {
                    if (!last) {
                        throw new SyscallError(Errno.ENOTDIR);
                    }
                    return direct;
                }
                done.remove(done.size() - 1);
                if (n.link.startsWith("/")) {
                    done.clear();
                }
                todo.addAll(0, GuestPaths.split(n.link));
                continue;
            }
            if (n.kind == Kind.HOST && n.exists && follow && Files.isSymbolicLink(n.host)) {
                if (++links > MAX_LINKS) {
                    throw new SyscallError(Errno.ELOOP);
                }
                String target;
                try {
                    target = Files.readSymbolicLink(n.host).toString();
                } catch (IOException e) {
                    throw errnoOf(e);
                }
                done.remove(done.size() - 1);
                if (target.startsWith("/")) {
                    done.clear();
                }
                if (target.endsWith("/") && last) {
                    mustBeDir = true;
                }
                todo.addAll(0, GuestPaths.split(target));
                continue;
            }
            if (!last && n.kind == Kind.HOST && !n.exists) {
                throw new SyscallError(Errno.ENOENT);
            }
            node = n;
        }
        node = nodeOf(p, done);
        if (mustBeDir && node.kind == Kind.HOST && node.exists && !node.isDirectory()) {
            throw new SyscallError(Errno.ENOTDIR);
        }
        return node;
    }

    /** The node of a fully resolved component list (its last component not followed). */
    private Node nodeOf(GuestProcess p, List<String> c) {
        String guest = GuestPaths.join(c);
        if (!c.isEmpty() && c.get(0).equals("proc")) {
            return procNode(p, c, guest);
        }
        if (c.size() == 2 && c.get(0).equals("dev")) {
            Node d = devNode(c.get(1), guest);
            if (d != null) {
                return d;
            }
        }
        Path host = hostOf(c);
        boolean exists = Files.exists(host, LinkOption.NOFOLLOW_LINKS);
        if (!exists && c.size() == 1 && c.get(0).equals("dev")) {
            return Node.virtual(Kind.VDIR, guest, null, null, -1); // /dev/null works even if the root has no /dev
        }
        return Node.host(guest, host, exists);
    }

    private Path hostOf(List<String> components) {
        Path h = root;
        for (String c : components) {
            h = h.resolve(c);
        }
        return h;
    }

    private Node devNode(String name, String guest) {
        DeviceFile.Kind k = DeviceFile.Kind.byName(name);
        if (k != null) {
            return Node.virtual(Kind.DEVICE, guest, null, null, k.ordinal());
        }
        switch (name) {
            case "stdin":
                return Node.virtual(Kind.VLINK, guest, "/proc/self/fd/0", null, -1);
            case "stdout":
                return Node.virtual(Kind.VLINK, guest, "/proc/self/fd/1", null, -1);
            case "stderr":
                return Node.virtual(Kind.VLINK, guest, "/proc/self/fd/2", null, -1);
            case "fd":
                return Node.virtual(Kind.VLINK, guest, "/proc/self/fd", null, -1);
            case "tty":
                return Node.virtual(Kind.TTY, guest, null, null, -1);
            default:
                return null;
        }
    }

    private Node procNode(GuestProcess p, List<String> c, String guest) {
        if (c.size() == 1) {
            return Node.virtual(Kind.VDIR, guest, null, null, -1);
        }
        String who = c.get(1);
        if (c.size() == 2 && ProcFiles.GLOBAL.contains(who)) {
            return Node.virtual(Kind.VFILE, guest, who, null, -1);
        }
        if (who.equals("self") && c.size() == 2) {
            return Node.virtual(Kind.VLINK, guest, Integer.toString(p.pid), p, -1);
        }
        GuestProcess q = who.equals("self") ? p : processByName(who);
        if (q == null) {
            return Node.host(guest, root.resolve("proc-absent").resolve(guest.substring(1)), false);
        }
        if (c.size() == 2) {
            return Node.virtual(Kind.VDIR, guest, null, q, -1);
        }
        String what = c.get(2);
        if (c.size() == 3) {
            switch (what) {
                case "exe":
                    return Node.virtual(Kind.VLINK, guest, q.exe.guestPath(), q, -1);
                case "cwd":
                    return Node.virtual(Kind.VLINK, guest, q.cwd, q, -1);
                case "fd":
                    return Node.virtual(Kind.VDIR, guest, null, q, -1);
                default:
                    if (ProcFiles.PER_PROCESS.contains(what)) {
                        return Node.virtual(Kind.VFILE, guest, what, q, -1);
                    }
                    return Node.host(guest, root.resolve("proc-absent").resolve(guest.substring(1)), false);
            }
        }
        if (c.size() == 4 && what.equals("fd")) {
            try {
                int fd = Integer.parseInt(c.get(3));
                if (q.fds.isOpen(fd)) {
                    return Node.virtual(Kind.VLINK, guest, q.fds.get(fd).describe(), q, fd);
                }
            } catch (NumberFormatException e) {
                // not a descriptor: absent
            }
        }
        return Node.host(guest, root.resolve("proc-absent").resolve(guest.substring(1)), false);
    }

    private byte[] procText(Node n) {
        if (n.process != null) {
            return ProcFiles.of(n.link, n.process);
        }
        List<GuestProcess> live = new ArrayList<>();
        if (processes != null) {
            for (int pid = 1; pid < 65536; pid++) {
                GuestProcess q = processes.apply(pid);
                if (q != null) {
                    live.add(q);
                }
            }
        }
        return ProcFiles.global(n.link, clock.getAsLong(), live);
    }

    private GuestProcess processByName(String s) {
        try {
            return processes == null ? null : processes.apply(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What following a virtual link reaches directly (a process's program or open file), or null to resolve its text. */
    private static Node direct(Node link) {
        if (link.process == null) {
            return null;
        }
        if (link.guestPath.endsWith("/exe")) {
            return new Node(Kind.EXE, link.link, link.process.exe.host(), true, null, link.process, -1);
        }
        if (link.number >= 0) {
            return new Node(Kind.FD, link.guestPath, null, true, null, link.process, link.number);
        }
        return null;
    }

    // ------------------------------------------------------------------ operations

    /** Opens a resolved node (openat). {@code mode} is already masked by the umask. */
    OpenFile open(Node n, int flags, int mode) {
        boolean write = OpenFlags.wantsWrite(flags);
        switch (n.kind) {
            case DEVICE:
                if ((flags & OpenFlags.O_DIRECTORY) != 0) {
                    throw new SyscallError(Errno.ENOTDIR);
                }
                return new DeviceFile(flags, DeviceFile.Kind.values()[n.number], random, epochSec);
            case TTY:
                throw new SyscallError(Errno.ENXIO);
            case FD: {
                OpenFile f = n.process.fds.get(n.number);
                f.retain();
                return f;
            }
            case VDIR:
                if (write) {
                    throw new SyscallError(Errno.EISDIR);
                }
                return new HostDirectory(flags, null, n.guestPath, this);
            case VLINK:
                throw new SyscallError(Errno.ELOOP); // O_NOFOLLOW on a link
            case VFILE:
                if (write) {
                    throw new SyscallError(Errno.EACCES);
                }
                return new VirtualFile(flags, procText(n), n.guestPath, epochSec);
            case EXE:
                if (write) {
                    throw new SyscallError(Errno.ETXTBSY);
                }
                return openHost(n.host, n.guestPath, flags, mode, true);
            default:
                break;
        }
        if (!n.exists) {
            if ((flags & OpenFlags.O_CREAT) == 0) {
                throw new SyscallError(Errno.ENOENT);
            }
            if (n.guestPath.endsWith("/") || (flags & OpenFlags.O_DIRECTORY) != 0) {
                throw new SyscallError(Errno.EISDIR);
            }
            checkWritable(n.host.getParent());
            try {
                Files.createFile(n.host);
                Files.setPosixFilePermissions(n.host, permissions(mode));
            } catch (IOException e) {
                throw errnoOf(e);
            }
            return openHost(n.host, n.guestPath, flags & ~OpenFlags.O_TRUNC, mode, true);
        }
        if ((flags & OpenFlags.O_CREAT) != 0 && (flags & OpenFlags.O_EXCL) != 0) {
            throw new SyscallError(Errno.EEXIST);
        }
        if (Files.isSymbolicLink(n.host)) {
            throw new SyscallError(Errno.ELOOP); // O_NOFOLLOW
        }
        if (Files.isDirectory(n.host)) {
            if (write || (flags & OpenFlags.O_CREAT) != 0) {
                throw new SyscallError(Errno.EISDIR); // fs/namei.c do_open: O_CREAT on a directory, or writing one
            }
            return new HostDirectory(flags, n.host, n.guestPath, this);
        }
        if ((flags & OpenFlags.O_DIRECTORY) != 0) {
            throw new SyscallError(Errno.ENOTDIR);
        }
        if (write) {
            checkWritable(n.host);
        }
        return openHost(n.host, n.guestPath, flags, mode, false);
    }

    private OpenFile openHost(Path host, String guestPath, int flags, int mode, boolean created) {
        if (!Files.isRegularFile(host)) {
            throw new SyscallError(Errno.ENXIO); // host FIFOs, sockets and devices are not part of the guest's world
        }
        Set<OpenOption> opts = new HashSet<>();
        int acc = flags & OpenFlags.O_ACCMODE;
        if ((flags & OpenFlags.O_PATH) == 0) {
            if (acc == OpenFlags.O_RDONLY || acc == OpenFlags.O_RDWR) {
                opts.add(StandardOpenOption.READ);
            }
            if (acc == OpenFlags.O_WRONLY || acc == OpenFlags.O_RDWR) {
                opts.add(StandardOpenOption.WRITE);
            }
            if ((flags & OpenFlags.O_TRUNC) != 0 && acc != OpenFlags.O_RDONLY) {
                opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
        }
        if (opts.isEmpty()) {
            opts.add(StandardOpenOption.READ);
        }
        try {
            FileChannel ch = FileChannel.open(host, opts);
            if ((flags & OpenFlags.O_TRUNC) != 0 && acc == OpenFlags.O_RDONLY && !created) {
                // O_RDONLY|O_TRUNC truncates on Linux too (unspecified by POSIX); it needs write permission.
                checkWritable(host);
                try (FileChannel w = FileChannel.open(host, StandardOpenOption.WRITE)) {
                    w.truncate(0);
                }
            }
            return new HostFile(flags, ch, host, guestPath, this);
        } catch (IOException e) {
            throw errnoOf(e);
        }
    }

    /** EROFS unless {@code host} lies below a writable directory. */
    void checkWritable(Path host) {
        Path h = host.toAbsolutePath().normalize();
        for (Path w : writable) {
            if (h.startsWith(w)) {
                return;
            }
        }
        throw new SyscallError(Errno.EROFS);
    }

    /** stat (or lstat when the node was resolved without following the last link). */
    FileStat stat(Node n) {
        switch (n.kind) {
            case DEVICE:
                return DeviceFile.Kind.values()[n.number].stat(epochSec);
            case TTY:
                return FileStat.special(FileStat.S_IFCHR | 0666, 5, 99, FileStat.makedev(5, 0), epochSec);
            case VDIR:
                return virtualDirStat(n.guestPath);
            case VLINK:
                return new FileStat(4, n.guestPath.hashCode() & 0x7FFF_FFFFL, FileStat.S_IFLNK | 0777, 1,
                        LinuxIds.UID, LinuxIds.GID, 0, n.link.length(), 4096, 0, epochSec, 0, epochSec, 0, epochSec,
                        0);
            case FD:
                return n.process.fds.get(n.number).stat();
            case VFILE:
                return new VirtualFile(0, new byte[0], n.guestPath, epochSec).stat();
            case EXE:
                return hostStat(n.host, true);
            default:
                if (!n.exists) {
                    throw new SyscallError(Errno.ENOENT);
                }
                return hostStat(n.host, false);
        }
    }

    /** stat of a directory opened by path (virtual or not). */
    FileStat statGuest(String guestPath, Path host) {
        return host == null ? virtualDirStat(guestPath) : hostStat(host, true);
    }

    private FileStat virtualDirStat(String guestPath) {
        return new FileStat(4, 1 + (guestPath.hashCode() & 0x7FFF_FFFFL), FileStat.S_IFDIR | 0555, 2, LinuxIds.UID,
                LinuxIds.GID, 0, 0, 4096, 0, epochSec, 0, epochSec, 0, epochSec, 0);
    }

    /**
     * The host's stat of {@code host}. st_blocks is not available to Java: it is derived from the size in 4 KiB
     * blocks (exact for ordinary files on ext4/xfs, not for sparse ones).
     */
    FileStat hostStat(Path host, boolean follow) {
        try {
            Map<String, Object> a = follow ? Files.readAttributes(host, "unix:*")
                    : Files.readAttributes(host, "unix:*", LinkOption.NOFOLLOW_LINKS);
            long size = (Long) a.get("size");
            FileTime at = (FileTime) a.get("lastAccessTime");
            FileTime mt = (FileTime) a.get("lastModifiedTime");
            FileTime ct = (FileTime) a.get("ctime");
            int mode = (Integer) a.get("mode");
            long blocks = (mode & FileStat.S_IFMT) == FileStat.S_IFLNK ? 0 : (size + 4095) / 4096 * 8;
            return new FileStat((Long) a.get("dev"), (Long) a.get("ino"), mode, (Integer) a.get("nlink"),
                    (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("rdev"), size, 4096, blocks,
                    sec(at), nsec(at), sec(mt), nsec(mt), sec(ct), nsec(ct));
        } catch (IOException e) {
            throw errnoOf(e);
        }
    }

    private static long sec(FileTime t) {
        return Math.floorDiv(t.to(java.util.concurrent.TimeUnit.NANOSECONDS), 1_000_000_000L);
    }

    private static long nsec(FileTime t) {
        return Math.floorMod(t.to(java.util.concurrent.TimeUnit.NANOSECONDS), 1_000_000_000L);
    }

    /** readlink of a node resolved without following its last component. */
    String readlink(Node n) {
        if (n.kind == Kind.VLINK) {
            return n.link;
        }
        if (n.kind == Kind.HOST && n.exists && Files.isSymbolicLink(n.host)) {
            try {
                return Files.readSymbolicLink(n.host).toString();
            } catch (IOException e) {
                throw errnoOf(e);
            }
        }
        if (n.kind == Kind.HOST && !n.exists) {
            throw new SyscallError(Errno.ENOENT);
        }
        throw new SyscallError(Errno.EINVAL);
    }

    /** access/faccessat: F_OK, R_OK, W_OK, X_OK for a node resolved following links. */
    void access(Node n, int mode) {
        if (n.kind == Kind.HOST && !n.exists) {
            throw new SyscallError(Errno.ENOENT);
        }
        if (n.kind != Kind.HOST && n.kind != Kind.EXE) {
            if ((mode & OpenFlags.X_OK) != 0 && n.kind != Kind.VDIR) {
                throw new SyscallError(Errno.EACCES);
            }
            return;
        }
        if ((mode & OpenFlags.R_OK) != 0 && !Files.isReadable(n.host)) {
            throw new SyscallError(Errno.EACCES);
        }
        if ((mode & OpenFlags.X_OK) != 0 && !Files.isExecutable(n.host)) {
            throw new SyscallError(Errno.EACCES);
        }
        if ((mode & OpenFlags.W_OK) != 0) {
            if (n.kind == Kind.EXE) {
                throw new SyscallError(Errno.ETXTBSY);
            }
            checkWritable(n.host);
            if (!Files.isWritable(n.host)) {
                throw new SyscallError(Errno.EACCES);
            }
        }
    }

    /** The entries of a directory, "." and ".." first, then sorted by name. */
    DirectoryListing list(String guestPath, Path host) {
        List<DirectoryListing.Entry> out = new ArrayList<>();
        long self = statGuest(guestPath, host).ino();
        out.add(new DirectoryListing.Entry(".", self, DirectoryListing.DT_DIR));
        out.add(new DirectoryListing.Entry("..", self, DirectoryListing.DT_DIR));
        if (host == null) {
            List<String> c = GuestPaths.split(guestPath);
            for (String name : virtualEntries(guestPath)) {
                int type;
                if (c.size() == 1 && c.get(0).equals("dev")) {
                    type = DeviceFile.Kind.byName(name) != null || name.equals("tty") ? DirectoryListing.DT_CHR
                            : DirectoryListing.DT_LNK;
                } else if (name.equals("self") || name.equals("exe") || name.equals("cwd") || c.size() == 3) {
                    type = DirectoryListing.DT_LNK;
                } else if (ProcFiles.GLOBAL.contains(name) || ProcFiles.PER_PROCESS.contains(name)) {
                    type = DirectoryListing.DT_REG;
                } else {
                    type = DirectoryListing.DT_DIR;
                }
                out.add(new DirectoryListing.Entry(name, 1 + ((guestPath + "/" + name).hashCode() & 0x7FFF_FFFFL),
                        type));
            }
            return new DirectoryListing(out);
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(host)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw errnoOf(e);
        }
        names.sort(null);
        for (String name : names) {
            try {
                Map<String, Object> a = Files.readAttributes(host.resolve(name), "unix:ino,mode",
                        LinkOption.NOFOLLOW_LINKS);
                out.add(new DirectoryListing.Entry(name, (Long) a.get("ino"),
                        DirectoryListing.typeOf((Integer) a.get("mode"))));
            } catch (IOException e) {
                // vanished meanwhile: not listed
            }
        }
        return new DirectoryListing(out);
    }

    private List<String> virtualEntries(String guestPath) {
        List<String> c = GuestPaths.split(guestPath);
        List<String> out = new ArrayList<>();
        if (c.size() == 1 && c.get(0).equals("proc")) {
            out.addAll(ProcFiles.GLOBAL);
            out.add("self");
            if (processes != null) {
                for (int pid = 1; pid < 65536; pid++) {
                    if (processes.apply(pid) != null) {
                        out.add(Integer.toString(pid));
                    }
                }
            }
        } else if (c.size() == 2 && c.get(0).equals("proc")) {
            out.addAll(List.of("cmdline", "comm", "cwd", "exe", "fd", "maps", "stat", "status"));
        } else if (c.size() == 3 && c.get(2).equals("fd") && processes != null) {
            GuestProcess q = c.get(1).equals("self") ? null : processByName(c.get(1));
            if (q != null) {
                for (int fd : q.fds.openFds()) {
                    out.add(Integer.toString(fd));
                }
            }
        } else if (c.size() == 1 && c.get(0).equals("dev")) {
            out.addAll(List.of("fd", "full", "null", "random", "stderr", "stdin", "stdout", "tty", "urandom",
                    "zero"));
        }
        return out;
    }

    // ------------------------------------------------------------------ changes (below writable directories only)

    void mkdir(Node n, int mode) {
        if (n.kind != Kind.HOST || n.exists) {
            throw new SyscallError(Errno.EEXIST);
        }
        checkWritable(n.host.getParent());
        try {
            Files.createDirectory(n.host);
            Files.setPosixFilePermissions(n.host, permissions(mode));
        } catch (IOException e) {
            throw errnoOf(e);
        }
    }

    void unlink(Node n, boolean directory) {
        if (n.kind != Kind.HOST) {
            throw new SyscallError(n.kind == Kind.VDIR ? Errno.EBUSY : Errno.EPERM);
        }
        if (!n.exists) {
            throw new SyscallError(Errno.ENOENT);
        }
        boolean isDir = Files.isDirectory(n.host, LinkOption.NOFOLLOW_LINKS);
        if (directory && !isDir) {
            throw new SyscallError(Errno.ENOTDIR);
        }
        if (!directory && isDir) {
            throw new SyscallError(Errno.EISDIR);
        }
        checkWritable(n.host.getParent());
        try {
            Files.delete(n.host);
        } catch (IOException e) {
            throw errnoOf(e);
        }
    }

    void rename(Node from, Node to) {
        if (from.kind != Kind.HOST || to.kind != Kind.HOST) {
            throw new SyscallError(Errno.EXDEV);
        }
        if (!from.exists) {
            throw new SyscallError(Errno.ENOENT);
        }
        checkWritable(from.host.getParent());
        checkWritable(to.host.getParent());
        try {
            Files.move(from.host, to.host, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw errnoOf(e);
        }
    }

    void symlink(String target, Node at) {
        if (at.kind != Kind.HOST || at.exists) {
            throw new SyscallError(Errno.EEXIST);
        }
        checkWritable(at.host.getParent());
        try {
            Files.createSymbolicLink(at.host, Path.of(target));
        } catch (IOException e) {
            throw errnoOf(e);
        }
    }

    void chmod(Node n, int mode) {
        if (n.kind != Kind.HOST || !n.exists) {
            throw new SyscallError(n.kind == Kind.HOST ? Errno.ENOENT : Errno.EPERM);
        }
        checkWritable(n.host);
        try {
            Files.setPosixFilePermissions(n.host, permissions(mode));
        } catch (IOException e) {
            throw errnoOf(e);
        }
    }

    void truncate(Node n, long length) {
        if (n.kind != Kind.HOST || !n.exists) {
            throw new SyscallError(Errno.ENOENT);
        }
        if (Files.isDirectory(n.host)) {
            throw new SyscallError(Errno.EISDIR);
        }
        checkWritable(n.host);
        try (FileChannel ch = FileChannel.open(n.host, StandardOpenOption.WRITE)) {
            new HostFile(OpenFlags.O_WRONLY, ch, n.host, n.guestPath, this).truncate(length);
        } catch (IOException e) {
            throw errnoOf(e);
        }
    }

    /** utimensat: only below writable directories; the times are set as asked (UTIME_NOW means the run's epoch). */
    void setTimes(Node n, long atimeNs, long mtimeNs) {
        if (n.kind != Kind.HOST || !n.exists) {
            throw new SyscallError(n.kind == Kind.HOST ? Errno.ENOENT : Errno.EPERM);
        }
        checkWritable(n.host);
        try {
            java.nio.file.attribute.BasicFileAttributeView v =
                    Files.getFileAttributeView(n.host, java.nio.file.attribute.BasicFileAttributeView.class);
            v.setTimes(mtimeNs < 0 ? null : FileTime.from(mtimeNs, java.util.concurrent.TimeUnit.NANOSECONDS),
                    atimeNs < 0 ? null : FileTime.from(atimeNs, java.util.concurrent.TimeUnit.NANOSECONDS), null);
        } catch (IOException e) {
            throw errnoOf(e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }

    /** The errno Linux would give for a host I/O failure. */
    static SyscallError errnoOf(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new SyscallError(Errno.ENOENT);
        }
        if (e instanceof AccessDeniedException) {
            return new SyscallError(Errno.EACCES);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new SyscallError(Errno.EEXIST);
        }
        if (e instanceof NotDirectoryException) {
            return new SyscallError(Errno.ENOTDIR);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new SyscallError(Errno.ENOTEMPTY);
        }
        if (e instanceof NotLinkException) {
            return new SyscallError(Errno.EINVAL);
        }
        if (e instanceof FileSystemLoopException) {
            return new SyscallError(Errno.ELOOP);
        }
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            if (reason != null) {
                if (reason.contains("Is a directory")) {
                    return new SyscallError(Errno.EISDIR);
                }
                if (reason.contains("Not a directory")) {
                    return new SyscallError(Errno.ENOTDIR);
                }
                if (reason.contains("Read-only file system")) {
                    return new SyscallError(Errno.EROFS);
                }
                if (reason.contains("No space")) {
                    return new SyscallError(Errno.ENOSPC);
                }
                if (reason.contains("cross-device") || reason.contains("Invalid cross-device")) {
                    return new SyscallError(Errno.EXDEV);
                }
            }
        }
        return new SyscallError(Errno.EIO);
    }
}
