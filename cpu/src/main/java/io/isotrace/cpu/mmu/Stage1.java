package io.isotrace.cpu.mmu;

import io.isotrace.trace.record.MemoryType;

/**
 * The CPU's own translation, VA to IPA: in user mode the process's mappings (VA = IPA, permissions from mmap and
 * mprotect), in system mode the translation-table walk. The controller's IPA to PA translation comes after it.
 */
public interface Stage1 {
    /** Translation succeeded. */
    int OK = 0;
    /** Nothing is mapped at the address (SIGSEGV, SEGV_MAPERR in user mode). */
    int FAULT_TRANSLATION = 1;
    /** Mapped, but not for this kind of access (SIGSEGV, SEGV_ACCERR). */
    int FAULT_PERMISSION = 2;

    /**
     * Translates the page holding {@code va} for an access of kind {@code access} ({@link Access}). On success
     * fills {@code out} and returns {@link #OK}; else returns a fault code.
     */
    int translate(long va, int access, Result out);

    /** A stage-1 translation of one page. Mutable and reused. */
    final class Result {
        /** IPA of the page (page aligned). */
        public long ipaPage;
        /** The {@link Access} bits the page allows. */
        public int permissions;
        public MemoryType memoryType = MemoryType.NORMAL_WB;
    }
}
