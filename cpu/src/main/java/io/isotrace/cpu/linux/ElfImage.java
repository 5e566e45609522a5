package io.isotrace.cpu.linux;

/**
 * What the loader placed in memory, for the initial stack's auxiliary vector and for brk.
 *
 * @param entry    AT_ENTRY: where execution starts (load bias applied)
 * @param phdr     AT_PHDR: address of the program headers in memory
 * @param phent    AT_PHENT
 * @param phnum    AT_PHNUM
 * @param bias     load bias (0 for ET_EXEC)
 * @param brkStart first address after the highest segment, page aligned: the initial program break
 */
public record ElfImage(long entry, long phdr, int phent, int phnum, long bias, long brkStart) {
}
