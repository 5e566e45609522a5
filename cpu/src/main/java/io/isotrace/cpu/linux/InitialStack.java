package io.isotrace.cpu.linux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the stack a new program starts with, as Linux's create_elf_tables does: from the top, the strings
 * (execfn, environment, arguments), the platform name and the 16 AT_RANDOM bytes; below them, 16-byte aligned,
 * argc, the argv pointers and NULL, the envp pointers and NULL, and the auxiliary vector ending in AT_NULL.
 */
public final class InitialStack {
    private InitialStack() {
    }

    /** Writes the stack below {@code top}; returns the initial SP (pointing at argc). */
    public static long build(KernelMemory mem, long top, List<String> argv, List<String> envp, String execfn,
                             ElfImage image, byte[] random16, long hwcap, long hwcap2) {
        long p = top;
        p = pushString(mem, p, execfn);
        long execfnAddr = p;
        List<Long> envAddrs = new ArrayList<>();
        for (int k = envp.size() - 1; k >= 0; k--) {
            p = pushString(mem, p, envp.get(k));
            envAddrs.add(0, p);
        }
        List<Long> argAddrs = new ArrayList<>();
        for (int k = argv.size() - 1; k >= 0; k--) {
            p = pushString(mem, p, argv.get(k));
            argAddrs.add(0, p);
        }
        p = pushString(mem, p, "aarch64");
        long platform = p;
        p -= 16;
        mem.write(p, random16, 0, 16);
        long random = p;

        long[][] aux = {
            {Auxv.AT_PHDR, image.phdr()},
            {Auxv.AT_PHENT, image.phent()},
            {Auxv.AT_PHNUM, image.phnum()},
            {Auxv.AT_PAGESZ, AddressSpace.PAGE},
            {Auxv.AT_BASE, 0},
            {Auxv.AT_FLAGS, 0},
            {Auxv.AT_ENTRY, image.entry()},
            {Auxv.AT_UID, LinuxIds.UID},
            {Auxv.AT_EUID, LinuxIds.UID},
            {Auxv.AT_GID, LinuxIds.GID},
            {Auxv.AT_EGID, LinuxIds.GID},
            {Auxv.AT_PLATFORM, platform},
            {Auxv.AT_HWCAP, hwcap},
            {Auxv.AT_CLKTCK, 100},
            {Auxv.AT_SECURE, 0},
            {Auxv.AT_RANDOM, random},
            {Auxv.AT_HWCAP2, hwcap2},
            {Auxv.AT_EXECFN, execfnAddr},
            {Auxv.AT_NULL, 0},
        };
        int words = 1 + argAddrs.size() + 1 + envAddrs.size() + 1 + 2 * aux.length;
        long sp = (p - 8L * words) & ~15L;
        long w = sp;
        mem.write64(w, argv.size());
        w += 8;
        for (long a : argAddrs) {
            mem.write64(w, a);
            w += 8;
        }
        mem.write64(w, 0);
        w += 8;
        for (long a : envAddrs) {
            mem.write64(w, a);
            w += 8;
        }
        mem.write64(w, 0);
        w += 8;
        for (long[] kv : aux) {
            mem.write64(w, kv[0]);
            mem.write64(w + 8, kv[1]);
            w += 16;
        }
        return sp;
    }

    private static long pushString(KernelMemory mem, long p, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p -= b.length + 1;
        mem.write(p, b, 0, b.length);
        mem.write(p + b.length, new byte[1], 0, 1);
        return p;
    }
}
