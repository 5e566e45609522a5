package io.isotrace.cpu.linux;

/**
 * One mapping of a process's address space, as a line of {@code /proc/self/maps}: {@code [start, end)},
 * protection bits ({@link Prot}), a name ({@code [heap]}, {@code [stack]}, a file path, or empty) and, for a
 * private file mapping loaded on demand (the program's segments), where its pages' bytes come from.
 */
public record Vma(long start, long end, int prot, String name, FileBacking file) {
    /**
     * The bytes behind a file mapping: {@code data[offset]} is the byte at the mapping's start; bytes from
     * {@code limit} on (the end of the segment's file part) read as zero, as the bss does.
     */
    public record FileBacking(byte[] data, long offset, long limit) {
        FileBacking shifted(long delta) {
            return new FileBacking(data, offset + delta, limit);
        }
    }

    public Vma(long start, long end, int prot, String name) {
        this(start, end, prot, name, null);
    }

    public boolean contains(long va) {
        return Long.compareUnsigned(va, start) >= 0 && Long.compareUnsigned(va, end) < 0;
    }

    /** The part {@code [s, e)} of this mapping (its file bytes follow). */
    public Vma withRange(long s, long e) {
        return new Vma(s, e, prot, name, file == null ? null : file.shifted(s - start));
    }

    public Vma withProt(int p) {
        return new Vma(start, end, p, name, file);
    }

    /** This mapping's {@code [from, from + length)} placed at {@code to} (mremap moving it). */
    public Vma moved(long from, long to, long length) {
        return new Vma(to, to + length, prot, name, file == null ? null : file.shifted(from - start));
    }
}
