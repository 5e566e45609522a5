package io.isotrace.cpu.difftest;

import java.nio.file.Path;
import java.util.List;

/**
 * One run to compare: a program, its arguments and environment, what it reads on stdin, and optionally a host
 * directory it runs in. Under Isotrace that directory is the guest's root ({@code --root}) and the run starts in
 * "/"; under qemu-aarch64, which cannot confine a guest, it is the working directory - so a case that uses relative
 * paths sees the same files in both. A writable run may change that directory (Isotrace: it is also --writable);
 * each emulator then gets its own fresh copy.
 */
record GuestRun(String name, Path program, List<String> argv, List<String> env, byte[] stdin, Path dir,
               boolean writable) {
    static final List<String> ENV = List.of("PATH=/usr/bin:/bin", "HOME=/", "LANG=C", "LC_ALL=C");

    static GuestRun of(String name, Path program) {
        return new GuestRun(name, program, List.of(program.getFileName().toString()), ENV, new byte[0], null,
                false);
    }

    /** Runs in {@code directory} (Isotrace: as the root), read-only. */
    GuestRun in(Path directory) {
        return new GuestRun(name, program, argv, env, stdin, directory, false);
    }

    /** Runs in {@code directory} and may write there (Isotrace: --root and --writable). */
    GuestRun inWritable(Path directory) {
        return new GuestRun(name, program, argv, env, stdin, directory, true);
    }

    GuestRun input(byte[] in) {
        return new GuestRun(name, program, argv, env, in, dir, writable);
    }

    GuestRun args(List<String> a) {
        return new GuestRun(name, program, a, env, stdin, dir, writable);
    }

    @Override
    public String toString() {
        return name;
    }
}
