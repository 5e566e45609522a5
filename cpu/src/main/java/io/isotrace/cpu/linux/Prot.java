package io.isotrace.cpu.linux;

import io.isotrace.cpu.mmu.Access;

/** Linux PROT_* bits (asm-generic/mman-common.h) and their mapping to the MMU's access bits. */
public final class Prot {
    public static final int NONE = 0;
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXEC = 4;

    private Prot() {
    }

    /**
     * The accesses a protection allows. On arm64 Linux a writable or executable page is also readable (there is
     * no write-only or execute-only user mapping without FEAT_EPAN), so PROT_WRITE and PROT_EXEC imply read.
     */
    public static int toAccess(int prot) {
        int a = 0;
        if ((prot & (READ | WRITE | EXEC)) != 0) {
            a |= Access.READ;
        }
        if ((prot & WRITE) != 0) {
            a |= Access.WRITE;
        }
        if ((prot & EXEC) != 0) {
            a |= Access.EXECUTE;
        }
        return a;
    }
}
