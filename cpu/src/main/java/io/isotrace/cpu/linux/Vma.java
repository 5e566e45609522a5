package io.isotrace.cpu.linux;

/**
 * One mapping of a process's address space, as a line of {@code /proc/self/maps}: {@code [start, end)},
 * protection bits ({@link Prot}) and a name ({@code [heap]}, {@code [stack]}, a file path, or empty).
 */
public record Vma(long start, long end, int prot, String name) {
    public boolean contains(long va) {
        return Long.compareUnsigned(va, start) >= 0 && Long.compareUnsigned(va, end) < 0;
    }

    public Vma withRange(long s, long e) {
        return new Vma(s, e, prot, name);
    }

    public Vma withProt(int p) {
        return new Vma(start, end, p, name);
    }
}
