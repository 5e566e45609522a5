package io.isotrace.cpu.linux;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guest's view of files: --root confinement, symlinks resolved in guest terms, read-only outside writable dirs. */
class GuestFileSystemTest {
    @TempDir
    Path tmp;
    private Path root;
    private Path out;
    private GuestFileSystem fs;
    private GuestProcess p;

    @BeforeEach
    void setUp() throws IOException {
        root = tmp.toRealPath().resolve("root");
        Files.createDirectories(root.resolve("data/sub"));
        Files.createDirectories(root.resolve("out"));
        Files.writeString(root.resolve("data/f.txt"), "inside\n");
        Files.writeString(tmp.resolve("secret.txt"), "outside\n");
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/data"));
        Files.createSymbolicLink(root.resolve("data/up"), Path.of("../../../../../.."));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
        out = root.resolve("out").toRealPath();
        root = root.toRealPath();
        p = new GuestProcess(1000, new FdTable(), new SignalState());
        fs = new GuestFileSystem(root, List.of(out), LinuxKernel.EPOCH_SEC, new SplittableRandom(1),
                pid -> pid == 1000 ? p : null, () -> 0L);
        p.cwd = "/data";
        p.exe = new Executable(Path.of("/somewhere/prog"), "/somewhere/prog");
    }

    @AfterEach
    void removeLinks() throws IOException {
        // links whose targets lie outside the temporary directory make JUnit's cleanup warn
        for (String l : List.of("abs", "data/up", "loop")) {
            Files.deleteIfExists(root.resolve(l));
        }
    }

    private GuestFileSystem.Node resolve(String path) {
        return fs.resolve(p, OpenFlags.AT_FDCWD, path, true);
    }

    private static int errno(Runnable r) {
        return assertThrows(SyscallError.class, r::run).errno();
    }

    @Test
    void dotDotStopsAtTheRoot() {
        GuestFileSystem.Node n = resolve("../../../../data/f.txt");
        assertEquals("/data/f.txt", n.guestPath());
        assertEquals(root.resolve("data/f.txt"), n.host());
        assertEquals(Errno.ENOENT, errno(() -> fs.stat(resolve("/../secret.txt"))));
    }

    @Test
    void symlinksResolveInsideTheRoot() {
        assertEquals(root.resolve("data/f.txt"), resolve("/abs/f.txt").host());
        // ../../.. from /data climbs to the guest's "/" and no further
        GuestFileSystem.Node up = resolve("/data/up/data/f.txt");
        assertEquals("/data/f.txt", up.guestPath());
        assertEquals("/abs", fs.resolve(p, OpenFlags.AT_FDCWD, "/abs", false).guestPath());
        assertEquals("/data", fs.readlink(fs.resolve(p, OpenFlags.AT_FDCWD, "/abs", false)));
        assertEquals(Errno.ELOOP, errno(() -> resolve("/loop")));
        assertEquals(Errno.ENOTDIR, errno(() -> resolve("/data/f.txt/x")));
        assertEquals(Errno.ENOENT, errno(() -> resolve("/nothing/x")));
    }

    @Test
    void writesOutsideWritableDirectoriesAreEROFS() throws IOException {
        assertEquals(Errno.EROFS, errno(() -> fs.open(resolve("/data/f.txt"), OpenFlags.O_WRONLY, 0)));
        assertEquals(Errno.EROFS, errno(() -> fs.open(resolve("/data/new.txt"),
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644)));
        assertEquals(Errno.EROFS, errno(() -> fs.mkdir(resolve("/data/d"), 0755)));
        assertEquals(Errno.EEXIST, errno(() -> fs.mkdir(resolve("/data/sub"), 0755)));
        assertEquals(Errno.EROFS, errno(() -> fs.unlink(fs.resolve(p, OpenFlags.AT_FDCWD, "/data/f.txt", false),
                false)));
        assertEquals(Errno.EROFS, errno(() -> fs.access(resolve("/data/f.txt"), OpenFlags.W_OK)));
        fs.access(resolve("/data/f.txt"), OpenFlags.R_OK);
        assertEquals("inside\n", Files.readString(root.resolve("data/f.txt")));
    }

    @Test
    void writableDirectoriesTakeNewFiles() throws IOException {
        OpenFile f = fs.open(resolve("/out/new.txt"), OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0640);
        byte[] b = "written\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(b.length, f.write(b, 0, b.length));
        f.close();
        assertEquals("written\n", Files.readString(out.resolve("new.txt")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("new.txt"))));
        assertEquals(Errno.EEXIST, errno(() -> fs.open(resolve("/out/new.txt"),
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0640)));
        fs.mkdir(resolve("/out/d"), 0755);
        assertTrue(Files.isDirectory(out.resolve("d")));
        fs.rename(fs.resolve(p, OpenFlags.AT_FDCWD, "/out/new.txt", false),
                fs.resolve(p, OpenFlags.AT_FDCWD, "/out/d/moved.txt", false));
        assertTrue(Files.exists(out.resolve("d/moved.txt")));
        fs.unlink(fs.resolve(p, OpenFlags.AT_FDCWD, "/out/d/moved.txt", false), false);
        assertFalse(Files.exists(out.resolve("d/moved.txt")));
    }

    @Test
    void devicesAndProcAreVirtual() {
        OpenFile dn = fs.open(resolve("/dev/null"), OpenFlags.O_WRONLY, 0);
        assertEquals(3, dn.write(new byte[3], 0, 3));
        assertEquals(0, dn.read(new byte[3], 0, 3));
        assertEquals("/somewhere/prog", fs.readlink(fs.resolve(p, OpenFlags.AT_FDCWD, "/proc/self/exe", false)));
        GuestFileSystem.Node exe = resolve("/proc/self/exe");
        assertEquals(GuestFileSystem.Kind.EXE, exe.kind());
        assertEquals(Path.of("/somewhere/prog"), exe.host());
        assertEquals(Errno.ENXIO, errno(() -> fs.open(resolve("/dev/tty"), OpenFlags.O_RDWR, 0)));
        assertEquals(FileStat.S_IFCHR, fs.stat(resolve("/dev/zero")).type());
    }

    @Test
    void directoriesListDotEntriesFirstThenByName() {
        DirectoryListing l = fs.list("/data", root.resolve("data"));
        byte[] b = l.next(4096);
        List<String> names = new ArrayList<>();
        for (int off = 0; off < b.length; ) {
            int reclen = (b[off + 16] & 0xFF) | (b[off + 17] & 0xFF) << 8;
            int end = off + 19;
            while (b[end] != 0) {
                end++;
            }
            names.add(new String(b, off + 19, end - off - 19, StandardCharsets.UTF_8));
            off += reclen;
        }
        assertEquals(List.of(".", "..", "f.txt", "sub", "up"), names);
        assertEquals(0, l.next(4096).length);
    }
}
