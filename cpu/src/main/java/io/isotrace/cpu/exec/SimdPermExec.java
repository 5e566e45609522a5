package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;

/**
 * Advanced SIMD copy, permute, extract, table lookup and modified immediate (Arm ARM "Advanced SIMD copy",
 * "permute", "extract", "table lookup", "modified immediate", "scalar copy"). Operands: {@code rd rn rm} V
 * registers (general register indices for DUP/INS/UMOV/SMOV's general side), {@code size} element size,
 * {@code is64} Q, {@code imm} the destination (or only) lane index or the expanded immediate, {@code imm2} the
 * source lane index, {@code cond} the element count.
 */
public final class SimdPermExec {
    private static final int G = SimdExec.PERM;

    public static final int DUP_ELEMENT = G;
    public static final int DUP_GENERAL = G + 1;
    public static final int INS_GENERAL = G + 2;
    public static final int INS_ELEMENT = G + 3;
    public static final int UMOV = G + 4;
    /** SMOV: is64 = 64-bit destination. */
    public static final int SMOV = G + 5;
    /** DUP (element, scalar), alias MOV: one element to a scalar register. */
    public static final int DUP_SCALAR = G + 6;
    public static final int ZIP1 = G + 7;
    public static final int ZIP2 = G + 8;
    public static final int UZP1 = G + 9;
    public static final int UZP2 = G + 10;
    public static final int TRN1 = G + 11;
    public static final int TRN2 = G + 12;
    /** EXT: imm the byte position. */
    public static final int EXT = G + 13;
    /** TBL/TBX: amount the number of table registers, shift 1 for TBX (out-of-range indices keep Vd). */
    public static final int TBL = G + 14;
    /** MOVI/MVNI/FMOV (vector): imm the 64-bit pattern. */
    public static final int MOVI = G + 15;
    /** ORR (vector, immediate): Vd |= imm. */
    public static final int ORR_IMM = G + 16;
    /** BIC (vector, immediate), decoded as Vd &= ~imm (imm holds the complement). */
    public static final int AND_IMM = G + 17;
    /** MOV Vd.16b, Vn.16b (ORR with Rn == Rm): a plain copy. */
    public static final int MOV = G + 18;

    private SimdPermExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case DUP_ELEMENT: {
                long rep = SimdMemExec.replicate(Vec.get(c.v, i.rn, (int) i.imm, i.size), i.size);
                SimdIntExec.write(c, i, rep, rep);
                break;
            }
            case DUP_GENERAL: {
                long rep = SimdMemExec.replicate(c.x[i.rn], i.size);
                SimdIntExec.write(c, i, rep, rep);
                break;
            }
            case INS_GENERAL:
                Vec.set(c.v, i.rd, (int) i.imm, i.size, c.x[i.rn]);
                break;
            case INS_ELEMENT:
                Vec.set(c.v, i.rd, (int) i.imm, i.size, Vec.get(c.v, i.rn, (int) i.imm2, i.size));
                break;
            case UMOV:
                c.x[i.rd] = Vec.get(c.v, i.rn, (int) i.imm, i.size);
                break;
            case SMOV: {
                long e = Vec.getSigned(c.v, i.rn, (int) i.imm, i.size);
                c.x[i.rd] = i.is64 ? e : e & 0xFFFF_FFFFL;
                break;
            }
            case DUP_SCALAR:
                Vec.setScalar(c, i.rd, Vec.get(c.v, i.rn, (int) i.imm, i.size));
                break;
            case ZIP1:
            case ZIP2:
                zip(c, i, i.op == ZIP2 ? 1 : 0);
                break;
            case UZP1:
            case UZP2:
                uzp(c, i, i.op == UZP2 ? 1 : 0);
                break;
            case TRN1:
            case TRN2:
                trn(c, i, i.op == TRN2 ? 1 : 0);
                break;
            case EXT:
                ext(c, i);
                break;
            case TBL:
                tbl(c, i);
                break;
            case MOVI:
                SimdIntExec.write(c, i, i.imm, i.imm);
                break;
            case ORR_IMM:
                SimdIntExec.write(c, i, c.v[2 * i.rd] | i.imm, c.v[2 * i.rd + 1] | i.imm);
                break;
            case AND_IMM:
                SimdIntExec.write(c, i, c.v[2 * i.rd] & i.imm, c.v[2 * i.rd + 1] & i.imm);
                break;
            case MOV:
                SimdIntExec.write(c, i, c.v[2 * i.rn], c.v[2 * i.rn + 1]);
                break;
            default:
                throw Executor.unknownOp(i);
        }
    }

    /** Collects result element {@code e} into the long holding half {@code half} of the result. */
    private static long put(long acc, int e, int size, long value, int half) {
        int pos = (e << (3 + size)) - 64 * half;
        return size == 3 ? value : acc | ((value & Vec.MASK[size]) << pos);
    }

    /** ZIP1/ZIP2: interleave the lower (upper) halves of Vn and Vm. */
    private static void zip(Cpu c, Insn i, int part) {
        int n = i.cond;
        int base = part * (n / 2);
        permute(c, i, n, base, 1);
    }

    /** TRN1/TRN2: even (odd) elements of Vn and Vm, transposed pairwise. */
    private static void trn(Cpu c, Insn i, int part) {
        permute(c, i, i.cond, part, 2);
    }

    /**
     * ZIP and TRN share a shape: result element e comes from Vn (e even) or Vm (e odd), element
     * {@code base + step * (e / 2)}.
     */
    private static void permute(Cpu c, Insn i, int n, int base, int step) {
        int size = i.size;
        int perHalf = 8 >> size;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < n; e++) {
            int src = (e & 1) == 0 ? i.rn : i.rm;
            long v = Vec.get(c.v, src, base + step * (e >> 1), size);
            if (e < perHalf) {
                lo = put(lo, e, size, v, 0);
            } else {
                hi = put(hi, e, size, v, 1);
            }
        }
        SimdIntExec.write(c, i, lo, hi);
    }

    /** UZP1/UZP2: the even (odd) elements of the concatenation Vm:Vn. */
    private static void uzp(Cpu c, Insn i, int part) {
        int n = i.cond;
        int size = i.size;
        int perHalf = 8 >> size;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < n; e++) {
            int k = 2 * e + part;
            long v = k < n ? Vec.get(c.v, i.rn, k, size) : Vec.get(c.v, i.rm, k - n, size);
            if (e < perHalf) {
                lo = put(lo, e, size, v, 0);
            } else {
                hi = put(hi, e, size, v, 1);
            }
        }
        SimdIntExec.write(c, i, lo, hi);
    }

    /** EXT: bytes imm.. of the concatenation Vm:Vn. */
    private static void ext(Cpu c, Insn i) {
        int pos = (int) i.imm;
        long[] v = c.v;
        if (!i.is64) {
            long n = v[2 * i.rn];
            long m = v[2 * i.rm];
            long lo = pos == 0 ? n : (n >>> (8 * pos)) | (m << (64 - 8 * pos));
            SimdIntExec.write(c, i, lo, 0);
            return;
        }
        long n0 = v[2 * i.rn];
        long n1 = v[2 * i.rn + 1];
        long m0 = v[2 * i.rm];
        long m1 = v[2 * i.rm + 1];
        SimdIntExec.write(c, i, bytesAt(n0, n1, m0, m1, pos), bytesAt(n0, n1, m0, m1, pos + 8));
    }

    /** The 8 bytes at byte offset {@code pos} (0..23) of the 32-byte little-endian value w3:w2:w1:w0. */
    private static long bytesAt(long w0, long w1, long w2, long w3, int pos) {
        int k = pos >>> 3;
        int sh = (pos & 7) * 8;
        long a = k == 0 ? w0 : k == 1 ? w1 : w2;
        if (sh == 0) {
            return a;
        }
        long b = k == 0 ? w1 : k == 1 ? w2 : w3;
        return (a >>> sh) | (b << (64 - sh));
    }

    /** TBL/TBX: each index byte of Vm picks a byte of the table Vn..Vn+len; out of range gives 0 (TBL) or Vd's byte. */
    private static void tbl(Cpu c, Insn i) {
        long[] v = c.v;
        int regs = i.amount;
        int limit = 16 * regs;
        boolean tbx = i.shift != 0;
        long lo = 0;
        long hi = 0;
        int bytes = i.is64 ? 16 : 8;
        for (int b = 0; b < bytes; b++) {
            int half = b >>> 3;
            int sh = (b & 7) * 8;
            int index = (int) (v[2 * i.rm + half] >>> sh) & 0xFF;
            long r;
            if (index < limit) {
                int reg = (i.rn + (index >>> 4)) & 31;
                int within = index & 15;
                r = (v[2 * reg + (within >>> 3)] >>> ((within & 7) * 8)) & 0xFF;
            } else {
                r = tbx ? (v[2 * i.rd + half] >>> sh) & 0xFF : 0;
            }
            if (half == 0) {
                lo |= r << sh;
            } else {
                hi |= r << sh;
            }
        }
        SimdIntExec.write(c, i, lo, hi);
    }
}
