package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.cpu.mmu.Access;

/**
 * The LSE atomics (FEAT_LSE): LD&lt;op&gt; (and their ST&lt;op&gt; aliases), SWP, CAS and CASP. Each is one
 * naturally aligned read-modify-write reported as ONE transaction of kind ATOMIC ({@code GuestMemory.atomicLoad}
 * / {@code atomicStore}), acquire and release as the instruction says. A CAS whose comparison fails still makes
 * its (read) access and writes nothing.
 */
public final class AtomicExec {
    private static final int G = (Ops.GROUP_MEM << Ops.GROUP_SHIFT) + 64;

    /** The first op of this class (MemExec hands everything from here on to it). */
    public static final int FIRST = G;
    /** LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN: consecutive, in opc order. */
    public static final int LDADD = G;
    public static final int LDCLR = G + 1;
    public static final int LDEOR = G + 2;
    public static final int LDSET = G + 3;
    public static final int LDSMAX = G + 4;
    public static final int LDSMIN = G + 5;
    public static final int LDUMAX = G + 6;
    public static final int LDUMIN = G + 7;
    public static final int SWP = G + 8;
    public static final int CAS = G + 9;
    public static final int CASP = G + 10;

    private AtomicExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case CAS:
                compareAndSwap(c, i);
                break;
            case CASP:
                compareAndSwapPair(c, i);
                break;
            default:
                if (i.op > SWP) {
                    throw Executor.unknownOp(i);
                }
                loadOp(c, i);
        }
    }

    private static boolean acquire(Insn i) {
        return (i.shift & ExclusiveExec.ACQUIRE) != 0;
    }

    private static boolean release(Insn i) {
        return (i.shift & ExclusiveExec.RELEASE) != 0;
    }

    /** Mask of an access of {@code size} bytes. */
    private static long mask(int size) {
        return size == 8 ? -1L : (1L << (8 * size)) - 1;
    }

    /** old = [Xn]; [Xn] = old OP Rs; Rt = old (zero-extended). */
    private static void loadOp(Cpu c, Insn i) {
        long a = ExclusiveExec.aligned(c.x[i.rn], i.size, Access.WRITE);
        long operand = c.x[i.rm];
        long old = c.mem.atomicLoad(a, i.size, acquire(i), release(i));
        c.mem.atomicStore(combine(i.op, old, operand, i.size), 0);
        c.x[i.rd] = old;
    }

    /** The new memory value of LD&lt;op&gt;/SWP (only the low {@code size} bytes matter). */
    private static long combine(int op, long old, long operand, int size) {
        int shift = 64 - 8 * size;
        switch (op) {
            case LDADD: return old + operand;
            case LDCLR: return old & ~operand;
            case LDEOR: return old ^ operand;
            case LDSET: return old | operand;
            case LDSMAX: return ((old << shift) >> shift) >= ((operand << shift) >> shift) ? old : operand;
            case LDSMIN: return ((old << shift) >> shift) <= ((operand << shift) >> shift) ? old : operand;
            case LDUMAX: return Long.compareUnsigned(old, operand & mask(size)) >= 0 ? old : operand;
            case LDUMIN: return Long.compareUnsigned(old, operand & mask(size)) <= 0 ? old : operand;
            default: return operand; // SWP
        }
    }

    /** CAS Rs, Rt, [Xn]: if [Xn] == Rs then [Xn] = Rt; Rs = old. (ra reads Rs, rm writes it, rt2 reads Rt.) */
    private static void compareAndSwap(Cpu c, Insn i) {
        long a = ExclusiveExec.aligned(c.x[i.rn], i.size, Access.WRITE);
        long compare = c.x[i.ra] & mask(i.size);
        long swap = c.x[i.rt2];
        long old = c.mem.atomicLoad(a, i.size, acquire(i), release(i));
        c.mem.atomicStore(old == compare ? swap : old, 0);
        c.x[i.rm] = old;
    }

    /**
     * CASP Rs, R(s+1), Rt, R(t+1), [Xn]: one access of both registers' size (8 or 16 bytes, aligned to it), the
     * first register at the lower address.
     */
    private static void compareAndSwapPair(Cpu c, Insn i) {
        long a = ExclusiveExec.aligned(c.x[i.rn], i.size, Access.WRITE);
        long s1 = c.x[i.rm];
        long s2 = c.x[i.ra];
        long t1 = c.x[i.rd];
        long t2 = c.x[i.rt2];
        long old1;
        long old2;
        if (i.is64) {
            old1 = c.mem.atomicLoad(a, 16, acquire(i), release(i));
            old2 = c.mem.pairSecond;
            boolean equal = old1 == s1 && old2 == s2;
            c.mem.atomicStore(equal ? t1 : old1, equal ? t2 : old2);
        } else {
            long old = c.mem.atomicLoad(a, 8, acquire(i), release(i));
            old1 = old & 0xFFFF_FFFFL;
            old2 = old >>> 32;
            boolean equal = old1 == (s1 & 0xFFFF_FFFFL) && old2 == (s2 & 0xFFFF_FFFFL);
            c.mem.atomicStore(equal ? (t1 & 0xFFFF_FFFFL) | (t2 << 32) : old, 0);
        }
        c.x[i.rm] = old1;
        c.x[i.ra == Reg.ZR ? Reg.SINK : i.ra] = old2;
    }
}
