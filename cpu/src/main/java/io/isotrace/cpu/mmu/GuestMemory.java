package io.isotrace.cpu.mmu;

import io.isotrace.cpu.Cpu;
import io.isotrace.trace.port.InvalidationListener;
import io.isotrace.trace.port.LittleEndian;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.MemoryType;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import io.isotrace.trace.record.TransactionSink;
import io.isotrace.trace.util.LongHashSet;

/**
 * The CPU's path to memory: a software TLB in front of stage 1 ({@link Stage1}, VA to IPA) and the controller
 * ({@link MemoryPort}, IPA to PA and the frame), in the manner of QEMU's softmmu.
 *
 * <p>The TLB is direct-mapped by virtual page and keeps separate read, write and execute tags, so the fast path of
 * a load is one compare, one bounds test and one array access. A tag is installed only for what both stage 1 and
 * the controller's grant allow; anything else takes the slow path, which faults or asks the controller each time.
 *
 * <p>When a transaction sink is attached or the port is not transparent (lockstep), every access also becomes a
 * {@link Transaction}: filled in the one reused object, answered by the port (latency is added to the CPU's stall
 * time, a refusal becomes an external abort or read-as-zero/write-ignored) and handed to the sink. An access that
 * crosses a page boundary is two transactions, one per page, since the pages may live anywhere physically.
 *
 * <p>Pages holding decoded code have no write tag: a store to them takes the slow path, which tells the CPU to drop
 * the decoded blocks of that page (self-modifying code and JITs work).
 */
public final class GuestMemory implements InvalidationListener {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    public static final int PAGE_MASK = PAGE_SIZE - 1;
    /** Instruction fetches are reported once per aligned block of this many bytes. */
    public static final int FETCH_LINE = 64;

    /** 64 Ki entries (256 MiB of 4 KiB pages): random walks over tens of MiB stay in the TLB. */
    private static final int TLB_BITS = 16;
    private static final int TLB_SIZE = 1 << TLB_BITS;
    private static final int TLB_MASK = TLB_SIZE - 1;
    private static final long NO_TAG = -1L;

    private final Cpu cpu;
    private final long[] readTag = new long[TLB_SIZE];
    private final long[] writeTag = new long[TLB_SIZE];
    private final long[] execTag = new long[TLB_SIZE];
    /** Tag of the entry's page whatever its permissions (to find ipa/pa/env for transactions and slow paths). */
    private final long[] pageTag = new long[TLB_SIZE];
    private final byte[][] frame = new byte[TLB_SIZE][];
    private final long[] ipaPage = new long[TLB_SIZE];
    private final long[] paPage = new long[TLB_SIZE];
    private final int[] env = new int[TLB_SIZE];
    private final int[] stage1Perms = new int[TLB_SIZE];
    private final int[] grantPerms = new int[TLB_SIZE];
    private final MemoryType[] memoryType = new MemoryType[TLB_SIZE];

    private final Stage1 stage1;
    private final MemoryPort port;
    private final Stage1.Result s1 = new Stage1.Result();
    private final PageGrant grant = new PageGrant();
    private final Transaction probe = new Transaction();
    private final Transaction txn = new Transaction();
    private final LongHashSet codePages = new LongHashSet();
    private final byte[] bounce = new byte[256];

    private TransactionSink sink;
    private boolean lockstep;
    private boolean observed;
    private long nextSeq;
    private long lastFetchLine = -1;
    private long tlbFills;

    public GuestMemory(Cpu cpu, Stage1 stage1, MemoryPort port) {
        this.cpu = cpu;
        this.stage1 = stage1;
        this.port = port;
        this.lockstep = !port.isTransparent();
        this.observed = lockstep;
        port.addInvalidationListener(this);
        flushAll();
    }

    /** Sends every transaction to {@code sink} from now on (null stops recording). */
    public void setSink(TransactionSink sink) {
        this.sink = sink;
        this.observed = lockstep || sink != null;
    }

    /** True when every access becomes a transaction. */
    public boolean observed() {
        return observed;
    }

    /** Transactions made so far (the next one's sequence number). */
    public long transactions() {
        return nextSeq;
    }

    /**
     * Continues sequence numbering at {@code next}: when several cores (one per user-mode guest process) take turns
     * writing one trace, each resumes the shared sequence so that numbers stay unique and increasing.
     */
    public void setTransactionCount(long next) {
        this.nextSeq = next;
    }

    public long tlbFills() {
        return tlbFills;
    }

    public MemoryPort port() {
        return port;
    }

    // ------------------------------------------------------------------ fast paths

    public long read8(long va) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        if (readTag[i] == va >>> PAGE_SHIFT && !observed) {
            return frame[i][(int) va & PAGE_MASK] & 0xFFL;
        }
        return readSlow(va, 1, TransactionKind.READ, false);
    }

    public long read16(long va) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        int off = (int) va & PAGE_MASK;
        if (readTag[i] == va >>> PAGE_SHIFT && off <= PAGE_SIZE - 2 && !observed) {
            return LittleEndian.get(frame[i], off, 2);
        }
        return readSlow(va, 2, TransactionKind.READ, false);
    }

    public long read32(long va) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        int off = (int) va & PAGE_MASK;
        if (readTag[i] == va >>> PAGE_SHIFT && off <= PAGE_SIZE - 4 && !observed) {
            return LittleEndian.getInt(frame[i], off) & 0xFFFF_FFFFL;
        }
        return readSlow(va, 4, TransactionKind.READ, false);
    }

    public long read64(long va) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        int off = (int) va & PAGE_MASK;
        if (readTag[i] == va >>> PAGE_SHIFT && off <= PAGE_SIZE - 8 && !observed) {
            return LittleEndian.getLong(frame[i], off);
        }
        return readSlow(va, 8, TransactionKind.READ, false);
    }

    /** Reads 1, 2, 4 or 8 bytes (zero-extended) as a transaction of {@code kind}. */
    public long read(long va, int size) {
        switch (size) {
            case 1:
                return read8(va);
            case 2:
                return read16(va);
            case 4:
                return read32(va);
            default:
                return read64(va);
        }
    }

    public void write8(long va, long v) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        if (writeTag[i] == va >>> PAGE_SHIFT && !observed) {
            frame[i][(int) va & PAGE_MASK] = (byte) v;
            return;
        }
        writeSlow(va, 1, v, TransactionKind.WRITE, false);
    }

    public void write16(long va, long v) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        int off = (int) va & PAGE_MASK;
        if (writeTag[i] == va >>> PAGE_SHIFT && off <= PAGE_SIZE - 2 && !observed) {
            LittleEndian.put(frame[i], off, 2, v);
            return;
        }
        writeSlow(va, 2, v, TransactionKind.WRITE, false);
    }

    public void write32(long va, long v) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        int off = (int) va & PAGE_MASK;
        if (writeTag[i] == va >>> PAGE_SHIFT && off <= PAGE_SIZE - 4 && !observed) {
            LittleEndian.putInt(frame[i], off, (int) v);
            return;
        }
        writeSlow(va, 4, v, TransactionKind.WRITE, false);
    }

    public void write64(long va, long v) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        int off = (int) va & PAGE_MASK;
        if (writeTag[i] == va >>> PAGE_SHIFT && off <= PAGE_SIZE - 8 && !observed) {
            LittleEndian.putLong(frame[i], off, v);
            return;
        }
        writeSlow(va, 8, v, TransactionKind.WRITE, false);
    }

    /** Writes the low 1, 2, 4 or 8 bytes of {@code v}. */
    public void write(long va, int size, long v) {
        switch (size) {
            case 1:
                write8(va, v);
                break;
            case 2:
                write16(va, v);
                break;
            case 4:
                write32(va, v);
                break;
            default:
                write64(va, v);
        }
    }

    /** The second value of the last {@link #readPair}. */
    public long pairSecond;

    /**
     * Reads two adjacent values of {@code size} (4 or 8) bytes as ONE transaction of twice the size (LDP, LDXP):
     * returns the first, leaves the second in {@link #pairSecond}.
     */
    public long readPair(long va, int size, TransactionKind kind, boolean acquire) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        int off = (int) va & PAGE_MASK;
        if (readTag[i] == va >>> PAGE_SHIFT && off <= PAGE_SIZE - 2 * size && !observed) {
            pairSecond = LittleEndian.get(frame[i], off + size, size);
            return LittleEndian.get(frame[i], off, size);
        }
        readInto(va, 2 * size, kind, acquire, bounce, 0);
        pairSecond = LittleEndian.get(bounce, size, size);
        return LittleEndian.get(bounce, 0, size);
    }

    /** Writes two adjacent values as ONE transaction of twice the size (STP, STXP). */
    public void writePair(long va, int size, long first, long second, TransactionKind kind, boolean release) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        int off = (int) va & PAGE_MASK;
        if (writeTag[i] == va >>> PAGE_SHIFT && off <= PAGE_SIZE - 2 * size && !observed) {
            LittleEndian.put(frame[i], off, size, first);
            LittleEndian.put(frame[i], off + size, size, second);
            return;
        }
        LittleEndian.put(bounce, 0, size, first);
        LittleEndian.put(bounce, size, size, second);
        writeFrom(va, 2 * size, kind, release, bounce, 0);
    }

    // ------------------------------------------------------------------ general accesses

    /**
     * Reads 1, 2, 4 or 8 bytes as one transaction of {@code kind} (exclusive loads, acquire loads, walks ...).
     * Returns the zero-extended value.
     */
    public long readSlow(long va, int size, TransactionKind kind, boolean acquire) {
        int off = (int) va & PAGE_MASK;
        if (off + size <= PAGE_SIZE) {
            int i = entryFor(va, Access.READ);
            if (i < 0) {
                return ioRead(va, size, kind, acquire);
            }
            if (observed && !emit(va, i, size, kind, acquire, false)) {
                return 0; // read-as-zero
            }
            return LittleEndian.get(frame[i], off, size);
        }
        // Across a page boundary: one transaction per page, as readInto makes them.
        readInto(va, size, kind, acquire, bounce, 0);
        return LittleEndian.get(bounce, 0, size);
    }

    public void writeSlow(long va, int size, long v, TransactionKind kind, boolean release) {
        int off = (int) va & PAGE_MASK;
        if (off + size <= PAGE_SIZE) {
            int i = entryFor(va, Access.WRITE);
            if (i < 0) {
                ioWrite(va, size, v, kind, release);
                return;
            }
            if (observed && !emit(va, i, size, kind, false, release)) {
                return; // write-ignored
            }
            LittleEndian.put(frame[i], off, size, v);
            return;
        }
        LittleEndian.put(bounce, 0, size, v);
        writeFrom(va, size, kind, release, bounce, 0);
    }

    /**
     * Reads {@code size} bytes (any size; SIMD structures, pairs, DC ZVA blocks) into {@code dst} as one
     * transaction per page touched.
     */
    public void readInto(long va, int size, TransactionKind kind, boolean acquire, byte[] dst, int dstOff) {
        while (size > 0) {
            int off = (int) va & PAGE_MASK;
            int n = Math.min(size, PAGE_SIZE - off);
            int i = entryFor(va, Access.READ);
            if (i < 0) {
                for (int k = 0; k < n; k++) {
                    dst[dstOff + k] = (byte) ioRead(va + k, 1, kind, acquire);
                }
            } else if (!observed || emit(va, i, n, kind, acquire, false)) {
                System.arraycopy(frame[i], off, dst, dstOff, n);
            } else {
                java.util.Arrays.fill(dst, dstOff, dstOff + n, (byte) 0);
            }
            va += n;
            dstOff += n;
            size -= n;
        }
    }

    /** Writes {@code size} bytes from {@code src} as one transaction per page touched. */
    public void writeFrom(long va, int size, TransactionKind kind, boolean release, byte[] src, int srcOff) {
        while (size > 0) {
            int off = (int) va & PAGE_MASK;
            int n = Math.min(size, PAGE_SIZE - off);
            int i = entryFor(va, Access.WRITE);
            if (i < 0) {
                for (int k = 0; k < n; k++) {
                    ioWrite(va + k, 1, src[srcOff + k], kind, release);
                }
            } else if (!observed || emit(va, i, n, kind, false, release)) {
                System.arraycopy(src, srcOff, frame[i], off, n);
            }
            va += n;
            srcOff += n;
            size -= n;
        }
    }

    // An atomic read-modify-write in progress: where atomicStore writes.
    private byte[] atomicFrame;
    private int atomicOffset;
    private long atomicVa;
    private int atomicSize;
    private boolean atomicRelease;

    /**
     * Begins an atomic read-modify-write (LSE: CAS, CASP, LDADD, SWP ...) of {@code size} bytes (1 to 16,
     * naturally aligned by the caller, so within one page): checks the page for reading and writing, reports the
     * access as ONE transaction of kind {@link TransactionKind#ATOMIC} with its acquire/release flags, and returns
     * the old value (the first 8 bytes; the rest of a 16-byte access in {@link #pairSecond}).
     * {@link #atomicStore} then writes the new value without another transaction. A refused access reads as zero
     * and its store is ignored. A page the controller did not grant moves its data through the port, which takes
     * a read and a write transaction (kind ATOMIC both): the port protocol carries one value per transaction.
     */
    public long atomicLoad(long va, int size, boolean acquire, boolean release) {
        entryFor(va, Access.READ);
        int i = entryFor(va, Access.WRITE);
        atomicVa = va;
        atomicSize = size;
        atomicRelease = release;
        if (i < 0) {
            atomicFrame = null;
            long v = ioRead(va, Math.min(size, 8), TransactionKind.ATOMIC, acquire);
            pairSecond = size == 16 ? ioRead(va + 8, 8, TransactionKind.ATOMIC, acquire) : 0;
            return v;
        }
        if (observed && !emit(va, i, size, TransactionKind.ATOMIC, acquire, release)) {
            atomicFrame = bounce; // read-as-zero, write-ignored
            atomicOffset = 0;
            java.util.Arrays.fill(bounce, 0, 16, (byte) 0);
        } else {
            atomicFrame = frame[i];
            atomicOffset = (int) va & PAGE_MASK;
        }
        pairSecond = size == 16 ? LittleEndian.getLong(atomicFrame, atomicOffset + 8) : 0;
        return LittleEndian.get(atomicFrame, atomicOffset, Math.min(size, 8));
    }

    /** Completes the atomic access {@link #atomicLoad} began: writes {@code first} (and {@code second}, size 16). */
    public void atomicStore(long first, long second) {
        int n = Math.min(atomicSize, 8);
        if (atomicFrame == null) {
            ioWrite(atomicVa, n, first, TransactionKind.ATOMIC, atomicRelease);
            if (atomicSize == 16) {
                ioWrite(atomicVa + 8, 8, second, TransactionKind.ATOMIC, atomicRelease);
            }
            return;
        }
        LittleEndian.put(atomicFrame, atomicOffset, n, first);
        if (atomicSize == 16) {
            LittleEndian.putLong(atomicFrame, atomicOffset + 8, second);
        }
    }

    /**
     * Reports a non-data access (cache maintenance by address) as a transaction, after checking the page is
     * mapped for reading as the architecture requires for DC CIVAC and friends.
     */
    public void touch(long va, int size, TransactionKind kind) {
        int i = entryFor(va, Access.READ);
        if (observed && i >= 0) {
            emit(va, i, size, kind, false, false);
        }
    }

    /** Fetches the instruction word at {@code va} (no transaction: fetches are reported per line, see {@link #fetchLine}). */
    public int fetch32(long va) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        if (execTag[i] != va >>> PAGE_SHIFT) {
            i = fill(va, Access.EXECUTE);
            if (execTag[i] != va >>> PAGE_SHIFT) {
                throw new GuestFault(GuestFault.Kind.PERMISSION, va, Access.EXECUTE);
            }
        }
        return LittleEndian.getInt(frame[i], (int) va & PAGE_MASK);
    }

    /**
     * Reports entry into the aligned fetch line holding {@code va}, unless it is the line last reported. Called by
     * the interpreter only when observed.
     */
    public void fetchLine(long va) {
        long line = va & -FETCH_LINE;
        if (line == lastFetchLine) {
            return;
        }
        lastFetchLine = line;
        int i = entryFor(line, Access.EXECUTE);
        if (i >= 0) {
            emit(line, i, FETCH_LINE, TransactionKind.IFETCH, false, false);
        }
    }

    // ------------------------------------------------------------------ TLB

    /** The TLB entry of {@code va} valid for {@code access}, filling it on a miss; -1 for a page to reach through the port. */
    private int entryFor(long va, int access) {
        long page = va >>> PAGE_SHIFT;
        int i = (int) page & TLB_MASK;
        long[] tags = access == Access.READ ? readTag : access == Access.WRITE ? writeTag : execTag;
        if (tags[i] == page) {
            return i;
        }
        if (pageTag[i] != page) {
            fill(va, access);
        }
        if ((stage1Perms[i] & access) == 0) {
            // Re-ask stage 1: permissions may have changed (mprotect) since the fill.
            fill(va, access);
            if ((stage1Perms[i] & access) == 0) {
                throw new GuestFault(GuestFault.Kind.PERMISSION, va, access);
            }
        }
        if (frame[i] == null || (grantPerms[i] & grantBit(access)) == 0) {
            return -1;
        }
        if (access == Access.WRITE && codePages.contains(ipaPage[i] >>> PAGE_SHIFT)) {
            cpu.invalidateCode(ipaPage[i], ipaPage[i] + PAGE_SIZE);
            unmarkCode(ipaPage[i]);
            writeTag[i] = page;
        }
        return i;
    }

    private static int grantBit(int access) {
        return access == Access.READ ? PageGrant.READ : access == Access.WRITE ? PageGrant.WRITE : PageGrant.EXECUTE;
    }

    /** Walks stage 1 and asks the port for a grant; installs the entry. Returns the entry index. */
    private int fill(long va, int access) {
        tlbFills++;
        long page = va >>> PAGE_SHIFT;
        int i = (int) page & TLB_MASK;
        int r = stage1.translate(va, access, s1);
        if (r != Stage1.OK) {
            throw new GuestFault(r == Stage1.FAULT_TRANSLATION ? GuestFault.Kind.TRANSLATION
                    : GuestFault.Kind.PERMISSION, va, access);
        }
        probe.clear();
        probe.requester = cpu.requester();
        probe.ipa = s1.ipaPage;
        probe.va = va & ~(long) PAGE_MASK;
        probe.el = cpu.el();
        probe.security = cpu.security();
        probe.unprivileged = cpu.el() == 0;
        probe.asid = cpu.asid();
        probe.memoryType = s1.memoryType;
        probe.kind = access == Access.EXECUTE ? TransactionKind.IFETCH
                : access == Access.WRITE ? TransactionKind.WRITE : TransactionKind.READ;
        grant.clear();
        boolean granted = s1.memoryType != MemoryType.DEVICE && port.grant(probe, grant);
        pageTag[i] = page;
        ipaPage[i] = s1.ipaPage;
        stage1Perms[i] = s1.permissions;
        memoryType[i] = s1.memoryType;
        if (granted) {
            frame[i] = grant.frame;
            paPage[i] = grant.pa;
            env[i] = grant.env;
            grantPerms[i] = grant.permissions;
        } else {
            frame[i] = null;
            paPage[i] = 0;
            env[i] = 0;
            grantPerms[i] = 0;
        }
        boolean code = codePages.size() > 0 && codePages.contains(s1.ipaPage >>> PAGE_SHIFT);
        readTag[i] = granted && (s1.permissions & Access.READ) != 0 && grant.allows(PageGrant.READ) ? page : NO_TAG;
        writeTag[i] = granted && (s1.permissions & Access.WRITE) != 0 && grant.allows(PageGrant.WRITE) && !code
                ? page : NO_TAG;
        execTag[i] = granted && (s1.permissions & Access.EXECUTE) != 0 && grant.allows(PageGrant.EXECUTE)
                ? page : NO_TAG;
        return i;
    }

    /** Drops every cached translation (context switch, mprotect of a range, munmap). */
    public void flushAll() {
        java.util.Arrays.fill(readTag, NO_TAG);
        java.util.Arrays.fill(writeTag, NO_TAG);
        java.util.Arrays.fill(execTag, NO_TAG);
        java.util.Arrays.fill(pageTag, NO_TAG);
        java.util.Arrays.fill(frame, null);
        lastFetchLine = -1;
    }

    /** Drops the cached translations of virtual pages in {@code [vaLo, vaHi)}. */
    public void flushVaRange(long vaLo, long vaHi) {
        long pages = (vaHi - vaLo + PAGE_MASK) >>> PAGE_SHIFT;
        if (pages >= 0 && pages < TLB_SIZE) {
            // A small range: look only at the slots its pages map to (munmap of one buffer costs O(pages)).
            for (long p = vaLo >>> PAGE_SHIFT; Long.compareUnsigned(p << PAGE_SHIFT, vaHi) < 0; p++) {
                int i = (int) p & TLB_MASK;
                if (pageTag[i] == p) {
                    drop(i);
                }
            }
            lastFetchLine = -1;
            return;
        }
        for (int i = 0; i < TLB_SIZE; i++) {
            long p = pageTag[i];
            if (p != NO_TAG && Long.compareUnsigned(p << PAGE_SHIFT, vaHi) < 0
                    && Long.compareUnsigned((p + 1) << PAGE_SHIFT, vaLo) > 0) {
                drop(i);
            }
        }
        lastFetchLine = -1;
    }

    /** Precise invalidation from the controller: drop only entries whose IPA page lies in the range. */
    @Override
    public void invalidate(long requesterMask, int env, long ipaLo, long ipaHi) {
        if ((requesterMask & InvalidationListener.requesterBit(cpu.requester())) == 0) {
            return;
        }
        for (int i = 0; i < TLB_SIZE; i++) {
            if (pageTag[i] != NO_TAG && Long.compareUnsigned(ipaPage[i], ipaHi) < 0
                    && Long.compareUnsigned(ipaPage[i] + PAGE_SIZE, ipaLo) > 0) {
                drop(i);
            }
        }
        lastFetchLine = -1;
    }

    private void drop(int i) {
        readTag[i] = NO_TAG;
        writeTag[i] = NO_TAG;
        execTag[i] = NO_TAG;
        pageTag[i] = NO_TAG;
        frame[i] = null;
    }

    /** Marks the IPA page as holding decoded code: stores to it will invalidate the decoded blocks. */
    public void markCode(long ipaPageAddr) {
        if (codePages.add(ipaPageAddr >>> PAGE_SHIFT)) {
            for (int i = 0; i < TLB_SIZE; i++) {
                if (pageTag[i] != NO_TAG && ipaPage[i] == ipaPageAddr) {
                    writeTag[i] = NO_TAG;
                }
            }
        }
    }

    private void unmarkCode(long ipaPageAddr) {
        codePages.remove(ipaPageAddr >>> PAGE_SHIFT);
    }

    /** The IPA of virtual address {@code va} (translating for read); for loaders and the block cache. */
    public long ipaOf(long va, int access) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        if (pageTag[i] != va >>> PAGE_SHIFT) {
            i = fill(va, access);
        }
        return ipaPage[i] | (va & PAGE_MASK);
    }

    // ------------------------------------------------------------------ transactions

    /**
     * Makes the transaction for an access through TLB entry {@code i}: fills it, has the port answer it in
     * lockstep, records it. Returns false when the answer is read-as-zero/write-ignored; throws when the requester
     * must take an external abort.
     */
    private boolean emit(long va, int i, int size, TransactionKind kind, boolean acquire, boolean release) {
        Transaction t = txn;
        fillRequest(t, va, ipaPage[i] | (va & PAGE_MASK), size, kind, acquire, release, memoryType[i]);
        if (lockstep) {
            t.clearReply();
            port.access(t);
            cpu.stall(t.latencyPs);
        } else {
            t.pa = paPage[i] | (va & PAGE_MASK);
            t.env = env[i];
            t.status = ReplyStatus.OK;
            t.latencyPs = 0;
            t.abort = false;
        }
        if (sink != null) {
            sink.accept(t);
        }
        if (t.status != ReplyStatus.OK) {
            if (t.abort) {
                throw new GuestFault(GuestFault.Kind.EXTERNAL_ABORT, va, kind.writes() ? Access.WRITE : Access.READ);
            }
            return false;
        }
        return true;
    }

    private void fillRequest(Transaction t, long va, long ipa, int size, TransactionKind kind, boolean acquire,
                             boolean release, MemoryType type) {
        t.seq = nextSeq++;
        t.timePs = cpu.timePs();
        t.clockDomain = 0;
        t.requester = cpu.requester();
        t.pc = cpu.currentPc();
        t.va = va;
        t.ipa = ipa;
        t.size = size;
        t.kind = kind;
        t.acquire = acquire;
        t.release = release;
        t.el = cpu.el();
        t.security = cpu.security();
        t.unprivileged = cpu.el() == 0;
        t.asid = cpu.asid();
        t.memoryType = type;
        t.data = 0;
    }

    /** An access to a page the controller did not grant: it is answered, and its data moved, by the port. */
    private long ioRead(long va, int size, TransactionKind kind, boolean acquire) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        Transaction t = txn;
        fillRequest(t, va, ipaPage[i] | (va & PAGE_MASK), size, kind, acquire, false, memoryType[i]);
        t.clearReply();
        port.access(t);
        cpu.stall(t.latencyPs);
        if (sink != null) {
            sink.accept(t);
        }
        if (t.status != ReplyStatus.OK) {
            if (t.abort) {
                throw new GuestFault(GuestFault.Kind.EXTERNAL_ABORT, va, Access.READ);
            }
            return 0;
        }
        return size == 8 ? t.data : t.data & ((1L << (8 * size)) - 1);
    }

    private void ioWrite(long va, int size, long v, TransactionKind kind, boolean release) {
        int i = (int) (va >>> PAGE_SHIFT) & TLB_MASK;
        Transaction t = txn;
        fillRequest(t, va, ipaPage[i] | (va & PAGE_MASK), size, kind, false, release, memoryType[i]);
        t.data = v;
        t.clearReply();
        port.access(t);
        cpu.stall(t.latencyPs);
        if (sink != null) {
            sink.accept(t);
        }
        if (t.status != ReplyStatus.OK && t.abort) {
            throw new GuestFault(GuestFault.Kind.EXTERNAL_ABORT, va, Access.WRITE);
        }
    }

    /** The frame size the port hands out must be the page size (checked once, at startup). */
    static {
        if (PhysicalMemory.FRAME_BYTES != PAGE_SIZE) {
            throw new ExceptionInInitializerError("frame and page sizes differ");
        }
    }
}
