package io.isotrace.cpu.linux;

import io.isotrace.cpu.mmu.Stage1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user process's virtual address space: the sorted, non-overlapping mappings that mmap, munmap, mprotect, brk
 * and the loader create. As the CPU's {@link Stage1} it translates VA to IPA one-to-one (user mode: VA = IPA) with
 * the mapping's permissions.
 *
 * <p>Layout (47-bit, as x86-64 Linux; any layout is valid for a static program): the program where its ELF says,
 * the heap after it, mmap areas growing down from {@link #MMAP_TOP}, the stack below {@link #STACK_TOP}.
 */
public final class AddressSpace implements Stage1 {
    public static final long PAGE = 4096;
    public static final long STACK_TOP = 0x0000_7FFF_FFFF_F000L;
    public static final long STACK_SIZE = 8L << 20;
    public static final long MMAP_TOP = 0x0000_7FFF_0000_0000L;
    public static final long MMAP_BOTTOM = 0x0000_1000_0000_0000L;

    private final TreeMap<Long, Vma> vmas = new TreeMap<>();

    @Override
    public int translate(long va, int access, Result out) {
        Vma v = find(va);
        if (v == null) {
            return FAULT_TRANSLATION;
        }
        int allowed = Prot.toAccess(v.prot());
        if ((allowed & access) == 0) {
            return FAULT_PERMISSION;
        }
        out.ipaPage = va & ~(PAGE - 1);
        out.permissions = allowed;
        out.memoryType = io.isotrace.trace.record.MemoryType.NORMAL_WB;
        return OK;
    }

    /** The mapping holding {@code va}, or null. */
    public Vma find(long va) {
        Map.Entry<Long, Vma> e = vmas.floorEntry(va);
        return e != null && e.getValue().contains(va) ? e.getValue() : null;
    }

    /** Maps {@code [start, end)}, replacing whatever was mapped there (MAP_FIXED semantics). Page aligned. */
    public void map(long start, long end, int prot, String name) {
        checkAligned(start, end);
        unmap(start, end);
        vmas.put(start, new Vma(start, end, prot, name));
    }

    /** Unmaps {@code [start, end)}, splitting mappings that straddle the edges. Returns the ranges removed. */
    public List<Vma> unmap(long start, long end) {
        checkAligned(start, end);
        List<Vma> removed = new ArrayList<>();
        for (Vma v : overlapping(start, end)) {
            vmas.remove(v.start());
            if (v.start() < start) {
                vmas.put(v.start(), v.withRange(v.start(), start));
            }
            if (v.end() > end) {
                vmas.put(end, v.withRange(end, v.end()));
            }
            removed.add(v.withRange(Math.max(v.start(), start), Math.min(v.end(), end)));
        }
        return removed;
    }

    /** Changes the protection of {@code [start, end)}; false (ENOMEM) when part of it is not mapped. */
    public boolean protect(long start, long end, int prot) {
        checkAligned(start, end);
        long covered = 0;
        for (Vma v : overlapping(start, end)) {
            covered += Math.min(v.end(), end) - Math.max(v.start(), start);
        }
        if (covered != end - start) {
            return false;
        }
        for (Vma v : overlapping(start, end)) {
            vmas.remove(v.start());
            if (v.start() < start) {
                vmas.put(v.start(), v.withRange(v.start(), start));
            }
            if (v.end() > end) {
                vmas.put(end, v.withRange(end, v.end()));
            }
            long s = Math.max(v.start(), start);
            long e = Math.min(v.end(), end);
            vmas.put(s, new Vma(s, e, prot, v.name()));
        }
        return true;
    }

    /** Mappings overlapping {@code [start, end)}, in address order. */
    public List<Vma> overlapping(long start, long end) {
        List<Vma> out = new ArrayList<>();
        Map.Entry<Long, Vma> first = vmas.floorEntry(start);
        Long from = first != null && first.getValue().end() > start ? first.getKey() : start;
        for (Vma v : vmas.tailMap(from, true).values()) {
            if (v.start() >= end) {
                break;
            }
            if (v.end() > start) {
                out.add(v);
            }
        }
        return out;
    }

    /** The highest free range of {@code length} bytes below {@link #MMAP_TOP} (mmap grows down), or -1. */
    public long findFree(long length) {
        long top = MMAP_TOP;
        for (Vma v : vmas.headMap(MMAP_TOP, false).descendingMap().values()) {
            if (v.end() <= top - length) {
                return top - length; // the gap between this mapping and the one above fits
            }
            top = Math.min(top, v.start());
        }
        return top - length >= MMAP_BOTTOM ? top - length : -1;
    }

    public List<Vma> all() {
        return new ArrayList<>(vmas.values());
    }

    /** A copy for fork. */
    public AddressSpace copy() {
        AddressSpace a = new AddressSpace();
        a.vmas.putAll(vmas);
        return a;
    }

    private static void checkAligned(long start, long end) {
        if ((start & (PAGE - 1)) != 0 || (end & (PAGE - 1)) != 0 || Long.compareUnsigned(start, end) > 0) {
            throw new IllegalArgumentException(String.format("range 0x%x-0x%x is not page aligned", start, end));
        }
    }
}
