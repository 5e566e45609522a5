package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.GuestFault;
import io.isotrace.trace.record.TransactionKind;

/**
 * Exclusives (LDXR/STXR and pairs, with acquire/release) and load-acquire/store-release (LDAR, STLR, LDAPR and
 * the unscaled LRCPC2 forms). All need natural alignment (of the whole pair for LDXP/STXP): else an alignment
 * fault, which Linux delivers as SIGBUS (BUS_ADRALN).
 *
 * <p>The exclusive monitor is a single core's local monitor, with QEMU's user-mode semantics: a load-exclusive
 * arms it for its address and size; a store-exclusive succeeds (writes, status 0) only when it is armed for the
 * same address and size, fails (no write, no transaction, status 1) otherwise, and disarms it either way; CLREX
 * and every exception return (system calls included) disarm it.
 */
public final class ExclusiveExec {
    private static final int G = (Ops.GROUP_MEM << Ops.GROUP_SHIFT) + 32;

    /** {@code Insn.shift} bits: the access has acquire / release semantics. */
    public static final int ACQUIRE = 1;
    public static final int RELEASE = 2;

    public static final int LDXR = G;
    public static final int STXR = G + 1;
    public static final int LDXP = G + 2;
    public static final int STXP = G + 3;
    /** Load-acquire, zero-extending; address Xn + imm. */
    public static final int LDAR = G + 4;
    /** Load-acquire, sign-extending (LDAPURS*). */
    public static final int LDARS = G + 5;
    public static final int STLR = G + 6;

    private ExclusiveExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case LDXR:
                loadExclusive(c, i);
                break;
            case STXR:
                storeExclusive(c, i);
                break;
            case LDXP:
                loadExclusivePair(c, i);
                break;
            case STXP:
                storeExclusivePair(c, i);
                break;
            case LDAR:
                c.x[i.rd] = loadAcquire(c, i);
                break;
            case LDARS:
                c.x[i.rd] = MemExec.signExtend(loadAcquire(c, i), i.size, i.is64);
                break;
            case STLR:
                storeRelease(c, i);
                break;
            default:
                throw Executor.unknownOp(i);
        }
    }

    /** AArch64.CheckAlignment for accesses that must be aligned. */
    static long aligned(long va, int size, int access) {
        if ((va & (size - 1)) != 0) {
            throw new GuestFault(GuestFault.Kind.ALIGNMENT, va, access);
        }
        return va;
    }

    private static void loadExclusive(Cpu c, Insn i) {
        long a = aligned(c.x[i.rn], i.size, Access.READ);
        long v = c.mem.readSlow(a, i.size, TransactionKind.EXCL_LOAD, (i.shift & ACQUIRE) != 0);
        c.exclusiveAddress = a;
        c.exclusiveSize = i.size;
        c.x[i.rd] = v;
    }

    /** AArch64.ExclusiveMonitorsPass: alignment is checked first, then the monitor. */
    private static boolean monitorPasses(Cpu c, long a, int size) {
        boolean pass = c.exclusiveAddress == a && c.exclusiveSize == size;
        c.exclusiveAddress = -1;
        return pass;
    }

    private static void storeExclusive(Cpu c, Insn i) {
        long a = aligned(c.x[i.rn], i.size, Access.WRITE);
        long v = c.x[i.rd];
        if (monitorPasses(c, a, i.size)) {
            c.mem.writeSlow(a, i.size, v, TransactionKind.EXCL_STORE, (i.shift & RELEASE) != 0);
            c.x[i.rm] = 0;
        } else {
            c.x[i.rm] = 1;
        }
    }

    private static void loadExclusivePair(Cpu c, Insn i) {
        int half = i.size / 2;
        long a = aligned(c.x[i.rn], i.size, Access.READ);
        long v1 = c.mem.readPair(a, half, TransactionKind.EXCL_LOAD, (i.shift & ACQUIRE) != 0);
        long v2 = c.mem.pairSecond;
        c.exclusiveAddress = a;
        c.exclusiveSize = i.size;
        c.x[i.rd] = v1;
        c.x[i.rt2] = v2;
    }

    private static void storeExclusivePair(Cpu c, Insn i) {
        long a = aligned(c.x[i.rn], i.size, Access.WRITE);
        long v1 = c.x[i.rd];
        long v2 = c.x[i.rt2];
        if (monitorPasses(c, a, i.size)) {
            c.mem.writePair(a, i.size / 2, v1, v2, TransactionKind.EXCL_STORE, (i.shift & RELEASE) != 0);
            c.x[i.rm] = 0;
        } else {
            c.x[i.rm] = 1;
        }
    }

    private static long loadAcquire(Cpu c, Insn i) {
        long a = aligned(c.x[i.rn] + i.imm, i.size, Access.READ);
        return c.mem.readSlow(a, i.size, TransactionKind.READ, true);
    }

    private static void storeRelease(Cpu c, Insn i) {
        long a = aligned(c.x[i.rn] + i.imm, i.size, Access.WRITE);
        c.mem.writeSlow(a, i.size, c.x[i.rd], TransactionKind.WRITE, true);
    }
}
