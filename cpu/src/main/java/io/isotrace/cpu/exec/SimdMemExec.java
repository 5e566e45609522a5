package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.trace.port.LittleEndian;
import io.isotrace.trace.record.TransactionKind;

/**
 * SIMD&amp;FP loads and stores (Arm ARM C4.1.94 with V = 1). Every instruction is ONE access of its full size
 * (one transaction per page touched): a Q register or a D/S pair through the pair fast path, larger transfers
 * (LDP Q, LD1-LD4 multiple) through {@link io.isotrace.cpu.mmu.GuestMemory#readInto} into {@link Cpu#vecScratch}.
 * Registers are written only after the access succeeded, so a fault leaves them unchanged.
 *
 * <p>Operands: {@code rd} is Rt (a V register number), {@code rt2} the second register of pairs, {@code rn} the base
 * (a general register index, SP resolved), {@code size} log2 of the access (or element) size, {@code opt} the
 * addressing mode, {@code imm} the offset or the post-index increment. Structure instructions: {@code is64} = Q,
 * {@code amount} = selem (structure elements), {@code cond} = number of registers, {@code imm2} = lane index.
 */
public final class SimdMemExec {
    /** Addressing modes in {@code opt}: the same numbers as {@link MemExec} for the immediate forms. */
    public static final int OFFSET = MemExec.OFFSET;
    public static final int PRE = MemExec.PRE;
    public static final int POST = MemExec.POST;
    /** Base plus extended register ({@code rm}, extend type in {@code shift}, shift in {@code amount}). */
    public static final int REG = 3;
    /** Post-index by register {@code rm} (structure forms with Rm != 31). */
    public static final int POST_REG = 4;

    private static final int G = SimdExec.MEM;
    public static final int LDR = G;
    public static final int LDR_Q = G + 1;
    public static final int STR = G + 2;
    public static final int STR_Q = G + 3;
    public static final int LDP = G + 4;
    public static final int LDP_Q = G + 5;
    public static final int STP = G + 6;
    public static final int STP_Q = G + 7;
    /** LD1/ST1 (multiple structures, one element per structure): registers filled from consecutive bytes. */
    public static final int LD1 = G + 8;
    public static final int ST1 = G + 9;
    /** LD2-LD4/ST2-ST4 (multiple structures): interleaved elements. */
    public static final int LDN = G + 10;
    public static final int STN = G + 11;
    /** Single structure to/from one lane of 1-4 registers. */
    public static final int LD_LANE = G + 12;
    public static final int ST_LANE = G + 13;
    /** LD1R-LD4R: one structure replicated to all lanes. */
    public static final int LD_REPL = G + 14;

    private SimdMemExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case LDR:
                ldr(c, i);
                break;
            case LDR_Q:
                ldrQ(c, i);
                break;
            case STR:
                str(c, i);
                break;
            case STR_Q:
                strQ(c, i);
                break;
            case LDP:
                ldp(c, i);
                break;
            case LDP_Q:
                ldpQ(c, i);
                break;
            case STP:
                stp(c, i);
                break;
            case STP_Q:
                stpQ(c, i);
                break;
            case LD1:
                ld1(c, i);
                break;
            case ST1:
                st1(c, i);
                break;
            case LDN:
                ldn(c, i);
                break;
            case STN:
                stn(c, i);
                break;
            case LD_LANE:
                ldLane(c, i);
                break;
            case ST_LANE:
                stLane(c, i);
                break;
            case LD_REPL:
                ldRepl(c, i);
                break;
            default:
                throw Executor.unknownOp(i);
        }
    }

    /** The address an access uses, per addressing mode. */
    static long address(Cpu c, Insn i) {
        switch (i.opt) {
            case OFFSET:
            case PRE:
                return c.x[i.rn] + i.imm;
            case REG:
                return c.x[i.rn] + IntRegExec.extend(c.x[i.rm], i.shift, i.amount); // as the integer forms
            default:
                return c.x[i.rn];
        }
    }

    /** Base register write-back of pre/post-indexed forms, after the access succeeded. */
    static void writeBack(Cpu c, Insn i, long address) {
        switch (i.opt) {
            case PRE:
                c.x[i.rn] = address;
                break;
            case POST:
                c.x[i.rn] = address + i.imm;
                break;
            case POST_REG:
                c.x[i.rn] = address + c.x[i.rm];
                break;
            default:
        }
    }

    private static void ldr(Cpu c, Insn i) {
        long a = address(c, i);
        long v = c.mem.read(a, 1 << i.size);
        writeBack(c, i, a);
        c.v[2 * i.rd] = v;
        c.v[2 * i.rd + 1] = 0;
    }

    private static void ldrQ(Cpu c, Insn i) {
        long a = address(c, i);
        long lo = c.mem.readPair(a, 8, TransactionKind.READ, false);
        long hi = c.mem.pairSecond;
        writeBack(c, i, a);
        c.v[2 * i.rd] = lo;
        c.v[2 * i.rd + 1] = hi;
    }

    private static void str(Cpu c, Insn i) {
        long a = address(c, i);
        c.mem.write(a, 1 << i.size, c.v[2 * i.rd]);
        writeBack(c, i, a);
    }

    private static void strQ(Cpu c, Insn i) {
        long a = address(c, i);
        c.mem.writePair(a, 8, c.v[2 * i.rd], c.v[2 * i.rd + 1], TransactionKind.WRITE, false);
        writeBack(c, i, a);
    }

    private static void ldp(Cpu c, Insn i) {
        long a = address(c, i);
        int bytes = 1 << i.size;
        long v1 = c.mem.readPair(a, bytes, TransactionKind.READ, false);
        long v2 = c.mem.pairSecond;
        writeBack(c, i, a);
        c.v[2 * i.rd] = v1;
        c.v[2 * i.rd + 1] = 0;
        c.v[2 * i.rt2] = v2;
        c.v[2 * i.rt2 + 1] = 0;
    }

    private static void stp(Cpu c, Insn i) {
        long a = address(c, i);
        c.mem.writePair(a, 1 << i.size, c.v[2 * i.rd], c.v[2 * i.rt2], TransactionKind.WRITE, false);
        writeBack(c, i, a);
    }

    private static void ldpQ(Cpu c, Insn i) {
        long a = address(c, i);
        if (!c.mem.observed()) {
            // No transactions are being made: two 16-byte fast-path reads are the same access, and a fault in
            // the second still leaves every register untouched.
            long l0 = c.mem.readPair(a, 8, TransactionKind.READ, false);
            long h0 = c.mem.pairSecond;
            long l1 = c.mem.readPair(a + 16, 8, TransactionKind.READ, false);
            long h1 = c.mem.pairSecond;
            writeBack(c, i, a);
            c.v[2 * i.rd] = l0;
            c.v[2 * i.rd + 1] = h0;
            c.v[2 * i.rt2] = l1;
            c.v[2 * i.rt2 + 1] = h1;
            return;
        }
        byte[] b = c.vecScratch;
        c.mem.readInto(a, 32, TransactionKind.READ, false, b, 0);
        writeBack(c, i, a);
        c.v[2 * i.rd] = LittleEndian.getLong(b, 0);
        c.v[2 * i.rd + 1] = LittleEndian.getLong(b, 8);
        c.v[2 * i.rt2] = LittleEndian.getLong(b, 16);
        c.v[2 * i.rt2 + 1] = LittleEndian.getLong(b, 24);
    }

    private static void stpQ(Cpu c, Insn i) {
        long a = address(c, i);
        if (!c.mem.observed()) {
            // Unobserved: two fast-path writes (a fault in the second page leaves the first written, as the
            // one-transaction-per-page path does too).
            c.mem.writePair(a, 8, c.v[2 * i.rd], c.v[2 * i.rd + 1], TransactionKind.WRITE, false);
            c.mem.writePair(a + 16, 8, c.v[2 * i.rt2], c.v[2 * i.rt2 + 1], TransactionKind.WRITE, false);
            writeBack(c, i, a);
            return;
        }
        byte[] b = c.vecScratch;
        LittleEndian.putLong(b, 0, c.v[2 * i.rd]);
        LittleEndian.putLong(b, 8, c.v[2 * i.rd + 1]);
        LittleEndian.putLong(b, 16, c.v[2 * i.rt2]);
        LittleEndian.putLong(b, 24, c.v[2 * i.rt2 + 1]);
        c.mem.writeFrom(a, 32, TransactionKind.WRITE, false, b, 0);
        writeBack(c, i, a);
    }

    /** LD1 {Vt..Vt+n-1}: n whole registers (8 or 16 bytes each) from consecutive memory. */
    private static void ld1(Cpu c, Insn i) {
        long a = address(c, i);
        int regs = i.cond;
        if (regs == 1 && i.is64) {
            long lo = c.mem.readPair(a, 8, TransactionKind.READ, false);
            long hi = c.mem.pairSecond;
            writeBack(c, i, a);
            c.v[2 * i.rd] = lo;
            c.v[2 * i.rd + 1] = hi;
            return;
        }
        int bytes = i.is64 ? 16 : 8;
        byte[] b = c.vecScratch;
        if (!c.mem.observed()) {
            // Unobserved: fast-path reads into the scratch, registers written only after all succeeded.
            for (int r = 0; r < regs; r++) {
                if (i.is64) {
                    LittleEndian.putLong(b, 16 * r, c.mem.readPair(a + 16 * r, 8, TransactionKind.READ, false));
                    LittleEndian.putLong(b, 16 * r + 8, c.mem.pairSecond);
                } else {
                    LittleEndian.putLong(b, 8 * r, c.mem.read64(a + 8 * r));
                }
            }
        } else {
            c.mem.readInto(a, regs * bytes, TransactionKind.READ, false, b, 0);
        }
        writeBack(c, i, a);
        for (int r = 0; r < regs; r++) {
            int t = (i.rd + r) & 31;
            c.v[2 * t] = LittleEndian.getLong(b, r * bytes);
            c.v[2 * t + 1] = i.is64 ? LittleEndian.getLong(b, r * bytes + 8) : 0;
        }
    }

    private static void st1(Cpu c, Insn i) {
        long a = address(c, i);
        int regs = i.cond;
        if (!c.mem.observed() || (regs == 1 && i.is64)) {
            // One Q register is one 16-byte access anyway; unobserved, the registers go out one by one through
            // the fast path (no transactions are being made).
            for (int r = 0; r < regs; r++) {
                int t = (i.rd + r) & 31;
                if (i.is64) {
                    c.mem.writePair(a + 16 * r, 8, c.v[2 * t], c.v[2 * t + 1], TransactionKind.WRITE, false);
                } else {
                    c.mem.write64(a + 8 * r, c.v[2 * t]);
                }
            }
            writeBack(c, i, a);
            return;
        }
        int bytes = i.is64 ? 16 : 8;
        byte[] b = c.vecScratch;
        for (int r = 0; r < regs; r++) {
            int t = (i.rd + r) & 31;
            LittleEndian.putLong(b, r * bytes, c.v[2 * t]);
            if (i.is64) {
                LittleEndian.putLong(b, r * bytes + 8, c.v[2 * t + 1]);
            }
        }
        c.mem.writeFrom(a, regs * bytes, TransactionKind.WRITE, false, b, 0);
        writeBack(c, i, a);
    }

    /** LD2-LD4 (multiple structures): element e of register t+s comes from structure e, member s. */
    private static void ldn(Cpu c, Insn i) {
        long a = address(c, i);
        int selem = i.amount;
        int esize = 1 << i.size;
        int elements = (i.is64 ? 16 : 8) >> i.size;
        byte[] b = c.vecScratch;
        c.mem.readInto(a, elements * selem * esize, TransactionKind.READ, false, b, 0);
        writeBack(c, i, a);
        for (int s = 0; s < selem; s++) {
            int t = (i.rd + s) & 31;
            if (!i.is64) {
                c.v[2 * t + 1] = 0;
            }
            for (int e = 0; e < elements; e++) {
                Vec.set(c.v, t, e, i.size, LittleEndian.get(b, (e * selem + s) * esize, esize));
            }
        }
    }

    private static void stn(Cpu c, Insn i) {
        long a = address(c, i);
        int selem = i.amount;
        int esize = 1 << i.size;
        int elements = (i.is64 ? 16 : 8) >> i.size;
        byte[] b = c.vecScratch;
        for (int s = 0; s < selem; s++) {
            int t = (i.rd + s) & 31;
            for (int e = 0; e < elements; e++) {
                LittleEndian.put(b, (e * selem + s) * esize, esize, Vec.get(c.v, t, e, i.size));
            }
        }
        c.mem.writeFrom(a, elements * selem * esize, TransactionKind.WRITE, false, b, 0);
        writeBack(c, i, a);
    }

    /** LD1-LD4 (single structure): lane imm2 of registers t..t+selem-1; the other lanes keep their values. */
    private static void ldLane(Cpu c, Insn i) {
        long a = address(c, i);
        int selem = i.amount;
        int esize = 1 << i.size;
        byte[] b = c.vecScratch;
        c.mem.readInto(a, selem * esize, TransactionKind.READ, false, b, 0);
        writeBack(c, i, a);
        for (int s = 0; s < selem; s++) {
            Vec.set(c.v, (i.rd + s) & 31, (int) i.imm2, i.size, LittleEndian.get(b, s * esize, esize));
        }
    }

    private static void stLane(Cpu c, Insn i) {
        long a = address(c, i);
        int selem = i.amount;
        int esize = 1 << i.size;
        byte[] b = c.vecScratch;
        for (int s = 0; s < selem; s++) {
            LittleEndian.put(b, s * esize, esize, Vec.get(c.v, (i.rd + s) & 31, (int) i.imm2, i.size));
        }
        c.mem.writeFrom(a, selem * esize, TransactionKind.WRITE, false, b, 0);
        writeBack(c, i, a);
    }

    /** LD1R-LD4R: structure member s replicated to every lane of register t+s. */
    private static void ldRepl(Cpu c, Insn i) {
        long a = address(c, i);
        int selem = i.amount;
        int esize = 1 << i.size;
        byte[] b = c.vecScratch;
        c.mem.readInto(a, selem * esize, TransactionKind.READ, false, b, 0);
        writeBack(c, i, a);
        for (int s = 0; s < selem; s++) {
            long rep = replicate(LittleEndian.get(b, s * esize, esize), i.size);
            int t = (i.rd + s) & 31;
            c.v[2 * t] = rep;
            c.v[2 * t + 1] = i.is64 ? rep : 0;
        }
    }

    /** An element of size {@code size} copied to every lane of a 64-bit chunk. */
    public static long replicate(long e, int size) {
        switch (size) {
            case 0:
                return (e & 0xFF) * 0x0101_0101_0101_0101L;
            case 1:
                return (e & 0xFFFF) * 0x0001_0001_0001_0001L;
            case 2:
                return (e & 0xFFFF_FFFFL) * 0x0000_0001_0000_0001L;
            default:
                return e;
        }
    }
}
