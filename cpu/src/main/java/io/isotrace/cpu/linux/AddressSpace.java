package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.mmu.Stage1;
import io.isotrace.trace.record.MemoryType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user process's virtual address space (Linux's mm): the sorted, non-overlapping mappings that mmap, munmap,
 * mprotect, brk and the loader create, and the page table from virtual pages to IPA pages. It is the CPU's
 * {@link Stage1}.
 *
 * <p><b>Where pages live.</b> The first process of a run is <em>identity-mapped</em>: VA = IPA, as the issue asks of
 * user mode, so its trace reads like any user-mode trace. Every other process (a fork, an exec'd child) gets fresh
 * IPA pages from the shared {@link FramePool} in [2^47, 2^48) (the upper half of user space), so two processes never share a physical frame even
 * at equal virtual addresses: a forked child's pages are copies at different IPAs, and its transactions show
 * VA != IPA with its own ASID. (A vfork child borrows its parent's address space, as Linux's CLONE_VM does, until it
 * execs or exits.)
 *
 * <p><b>Demand paging.</b> A page enters the page table the first time stage 1 translates it (a TLB fill or a
 * kernel copy). So fork copies, and munmap zeroes or frees, exactly the pages the process touched; an mmap of a
 * gigabyte that is never touched costs nothing. Pages leaving the table are zeroed (identity pages stay where they
 * are and must read as zero if mapped again; pool pages go back to the pool zeroed), and the cores running in this
 * space drop their TLB entries and decoded code for them.
 *
 * <p>Layout ({@link VaLayout}): the program where its ELF says, the heap after it, mmap areas growing down, the stack
 * and the signal-return trampoline page at the top of the lower half of user space (below 2^47 with 48-bit VAs). An
 * explicit mapping in the upper half (legal on arm64) is backed from the pool even in the identity space.
 */
public final class AddressSpace implements Stage1 {
    public static final long PAGE = 4096;

    private final VaLayout layout;
    private final long identityLimitVpn;

    private final TreeMap<Long, Vma> vmas = new TreeMap<>();
    /** The mapping {@link #find} returned last (cleared whenever the mappings change). */
    private Vma lastFound;
    private final PageMap pages = new PageMap();
    private final FramePool pool;
    private final PhysicalFrames frames;
    private final boolean identity;
    private final int asid;
    private final List<Cpu> cores = new ArrayList<>();
    /** The kernel's view of this space (copy to and from user). */
    public final KernelMemory mem;
    /** Processes using this space: more than one while a vfork child borrows it. */
    int users = 1;
    /** Start of the heap and the current program break. */
    public long brkStart;
    public long brk;

    AddressSpace(VaLayout layout, FramePool pool, PhysicalFrames frames, boolean identity, int asid) {
        this.layout = layout;
        this.identityLimitVpn = layout.identityLimit() >>> 12;
        this.pool = pool;
        this.frames = frames;
        this.identity = identity;
        this.asid = asid;
        this.mem = new KernelMemory(this);
    }

    public VaLayout layout() {
        return layout;
    }

    /** True when the space maps VA = IPA (the first process). */
    public boolean identity() {
        return identity;
    }

    public int asid() {
        return asid;
    }

    PhysicalFrames frames() {
        return frames;
    }

    /** A core now runs in this space: it must hear of unmaps and protection changes. */
    void attach(Cpu cpu) {
        cores.add(cpu);
    }

    void detach(Cpu cpu) {
        cores.remove(cpu);
    }

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
        out.ipaPage = page(va >>> 12, v) << 12;
        out.permissions = allowed;
        out.memoryType = MemoryType.NORMAL_WB;
        return OK;
    }

    /**
     * The IPA page backing {@code va} whatever the mapping's protection (the kernel filling a PROT_NONE or
     * read-only mapping), entering it in the page table; -1 when nothing is mapped there.
     */
    long backingPage(long va) {
        Vma v = find(va);
        return v == null ? -1 : page(va >>> 12, v) << 12;
    }

    /**
     * The IPA page number of virtual page {@code vpn} (in mapping {@code v}), entering a fresh one on first use
     * (demand paging): zero, or for a file mapping the file's bytes.
     */
    private long page(long vpn, Vma v) {
        long ipn = pages.get(vpn);
        if (ipn < 0) {
            ipn = identity && vpn < identityLimitVpn ? vpn : pool.allocate() >>> 12;
            pages.put(vpn, ipn);
            if (v.file() != null) {
                fill(vpn, ipn, v);
            }
        }
        return ipn;
    }

    private void fill(long vpn, long ipn, Vma v) {
        Vma.FileBacking f = v.file();
        long off = f.offset() + ((vpn << 12) - v.start());
        long n = Math.min(PAGE, Math.min(f.limit(), f.data().length) - off);
        if (n <= 0) {
            return;
        }
        byte[] frame = frames.frame(ipn << 12, vpn << 12, asid, true);
        if (frame != null) {
            System.arraycopy(f.data(), (int) off, frame, 0, (int) n);
        }
    }

    /**
     * Maps {@code [start, end)} privately from a file's bytes, loaded page by page on first touch (as Linux maps a
     * program's segments): {@code fileOffset} is the offset of {@code start} in {@code data}, and file bytes from
     * {@code fileLimit} on read as zero.
     */
    public void mapFile(long start, long end, int prot, String name, byte[] data, long fileOffset, long fileLimit) {
        checkAligned(start, end);
        unmap(start, end);
        vmas.put(start, new Vma(start, end, prot, name, new Vma.FileBacking(data, fileOffset, fileLimit)));
        lastFound = null;
    }

    /** Maps a copy of {@code v} (mremap's new place: the same protection, name and file bytes). */
    void mapLike(Vma v) {
        checkAligned(v.start(), v.end());
        unmap(v.start(), v.end());
        vmas.put(v.start(), v);
        lastFound = null;
    }

    /** The IPA backing {@code va} if its page was ever touched, else -1. */
    public long ipaIfPresent(long va) {
        long ipn = pages.get(va >>> 12);
        return ipn < 0 ? -1 : (ipn << 12) | (va & (PAGE - 1));
    }

    /** Pages present in the page table (touched and still mapped). */
    public int residentPages() {
        return pages.size();
    }

    /** The mapping holding {@code va}, or null. */
    public Vma find(long va) {
        Vma last = lastFound;
        if (last != null && last.contains(va)) {
            return last; // TLB misses come in runs within one mapping (a heap, a big array)
        }
        Map.Entry<Long, Vma> e = vmas.floorEntry(va);
        Vma v = e != null && e.getValue().contains(va) ? e.getValue() : null;
        if (v != null) {
            lastFound = v;
        }
        return v;
    }

    /** Maps {@code [start, end)}, replacing whatever was mapped there (MAP_FIXED semantics). Page aligned. */
    public void map(long start, long end, int prot, String name) {
        checkAligned(start, end);
        unmap(start, end);
        // An anonymous mapping continuing one just like it joins it, as Linux merges VMAs (a growing heap is one).
        Map.Entry<Long, Vma> below = vmas.floorEntry(start);
        if (below != null && below.getValue().end() == start && below.getValue().file() == null
                && below.getValue().prot() == prot && below.getValue().name().equals(name)) {
            start = below.getKey();
        }
        vmas.put(start, new Vma(start, end, prot, name));
        lastFound = null;
    }

    /** Unmaps {@code [start, end)}, splitting mappings that straddle the edges; its pages read as zero if remapped. */
    public void unmap(long start, long end) {
        checkAligned(start, end);
        cut(start, end);
        discard(start, end);
    }

    /**
     * Removes the mappings overlapping {@code [start, end)}, putting back their parts outside it (a mapping that
     * straddles an edge is split there); returns the removed mappings, whole.
     */
    private List<Vma> cut(long start, long end) {
        lastFound = null;
        List<Vma> removed = overlapping(start, end);
        for (Vma v : removed) {
            vmas.remove(v.start());
            if (v.start() < start) {
                vmas.put(v.start(), v.withRange(v.start(), start));
            }
            if (v.end() > end) {
                vmas.put(end, v.withRange(end, v.end()));
            }
        }
        return removed;
    }

    /**
     * Drops the pages of {@code [start, end)} from the page table, zeroing them (madvise DONTNEED, munmap), and
     * tells the cores to forget them.
     */
    public void discard(long start, long end) {
        discard(start, end, true);
    }

    private void discard(long start, long end, boolean zeroIdentity) {
        long[] gone = removePages(start, end);
        for (long ipn : gone) {
            boolean pooled = ipn >= identityLimitVpn || !identity;
            if (pooled || zeroIdentity) {
                byte[] f = frames.frame(ipn << 12, 0, asid, true);
                if (f != null) {
                    Arrays.fill(f, (byte) 0);
                }
            }
            if (pooled) {
                pool.release(ipn << 12);
            }
        }
        forget(start, end, gone);
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
        for (Vma v : cut(start, end)) {
            long s = Math.max(v.start(), start);
            long e = Math.min(v.end(), end);
            vmas.put(s, v.withRange(s, e).withProt(prot));
        }
        forget(start, end, presentPages(start, end));
        return true;
    }

    /** Grows or shrinks the mapping that ends at {@code oldEnd} to end at {@code newEnd} (mremap in place). */
    void resize(Vma v, long newEnd) {
        lastFound = null;
        if (newEnd < v.end()) {
            unmap(newEnd, v.end());
        } else {
            vmas.put(v.start(), v.withRange(v.start(), newEnd));
        }
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

    /** True when nothing is mapped in {@code [start, end)}. */
    public boolean isFree(long start, long end) {
        return Long.compareUnsigned(start, end) < 0 && Long.compareUnsigned(end, layout.taskSize()) <= 0
                && overlapping(start, end).isEmpty();
    }

    /** The highest free range of {@code length} bytes below the layout's mmap top (mmap grows down), or -1. */
    public long findFree(long length) {
        long top = layout.mmapTop();
        for (Vma v : vmas.headMap(top, false).descendingMap().values()) {
            if (v.end() <= top - length) {
                return top - length; // the gap between this mapping and the one above fits
            }
            top = Math.min(top, v.start());
        }
        return top - length >= layout.mmapBottom() ? top - length : -1;
    }

    public List<Vma> all() {
        return new ArrayList<>(vmas.values());
    }

    /**
     * fork: a new space with the same mappings whose touched pages are copies, in fresh pool pages. Untouched pages
     * stay untouched (they read as zero, or as file contents already loaded, in both).
     */
    AddressSpace copyForFork(int childAsid) {
        AddressSpace a = new AddressSpace(layout, pool, frames, false, childAsid);
        a.vmas.putAll(vmas);
        a.brkStart = brkStart;
        a.brk = brk;
        for (long vpn : pages.sortedKeys()) {
            long ipn = pages.get(vpn);
            long childIpa = pool.allocate();
            byte[] src = frames.frame(ipn << 12, vpn << 12, asid, false);
            byte[] dst = frames.frame(childIpa, vpn << 12, childAsid, true);
            if (src != null && dst != null) {
                System.arraycopy(src, 0, dst, 0, src.length);
            }
            a.pages.put(vpn, childIpa >>> 12);
        }
        return a;
    }

    /**
     * Releases every page: pool pages return to the pool zeroed; identity pages are zeroed only if
     * {@code reused} (the first process execs and will map the same IPAs again), not when it exits for good.
     */
    void release(boolean reused) {
        vmas.clear();
        lastFound = null;
        discard(0, layout.taskSize(), reused);
    }

    /** Copies the bytes of touched pages of {@code [from, from+len)} to {@code to} (mremap moving a mapping). */
    void copyPages(long from, long to, long len) {
        for (long off = 0; off < len; off += PAGE) {
            long ipa = ipaIfPresent(from + off);
            if (ipa < 0) {
                continue;
            }
            byte[] src = frames.frame(ipa, from + off, asid, false);
            if (src != null) {
                mem.load(to + off, src, 0, (int) PAGE);
            }
        }
    }

    private long[] removePages(long start, long end) {
        long n = (end - start) >>> 12;
        long[] out;
        int k = 0;
        if (n <= 2L * pages.size()) {
            out = new long[(int) Math.min(n, pages.size())];
            for (long vpn = start >>> 12; vpn < end >>> 12; vpn++) {
                long ipn = pages.remove(vpn);
                if (ipn >= 0) {
                    out[k++] = ipn;
                }
            }
        } else {
            long[] keys = pages.sortedKeys();
            out = new long[keys.length];
            for (long vpn : keys) {
                if (vpn >= start >>> 12 && vpn < end >>> 12) {
                    out[k++] = pages.remove(vpn);
                }
            }
        }
        return Arrays.copyOf(out, k);
    }

    private long[] presentPages(long start, long end) {
        long[] keys = pages.sortedKeys();
        long[] out = new long[keys.length];
        int k = 0;
        for (long vpn : keys) {
            if (vpn >= start >>> 12 && vpn < end >>> 12) {
                out[k++] = pages.get(vpn);
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** The cores drop TLB entries for the VA range and decoded code from the IPA pages. */
    private void forget(long start, long end, long[] ipns) {
        if (cores.isEmpty()) {
            return;
        }
        long[] sorted = ipns.clone();
        Arrays.sort(sorted);
        for (Cpu c : cores) {
            c.mem.flushVaRange(start, end);
            if (c.blocks().size() == 0) {
                continue;
            }
            // Contiguous runs of IPA pages become one invalidation each (the identity space: one per range).
            for (int i = 0; i < sorted.length; ) {
                int j = i;
                while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
                    j++;
                }
                c.invalidateCode(sorted[i] << 12, (sorted[j] + 1) << 12);
                i = j + 1;
            }
        }
    }

    private static void checkAligned(long start, long end) {
        if ((start & (PAGE - 1)) != 0 || (end & (PAGE - 1)) != 0 || Long.compareUnsigned(start, end) > 0) {
            throw new IllegalArgumentException(String.format("range 0x%x-0x%x is not page aligned", start, end));
        }
    }
}
