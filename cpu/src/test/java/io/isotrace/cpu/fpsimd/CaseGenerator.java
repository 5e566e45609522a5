package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Encoding;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.cpu.exec.SimdExec;
import io.isotrace.cpu.exec.SimdMemExec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Random SIMD&amp;FP test cases, seeded and reproducible: an instruction word drawn from an implemented row of the
 * SIMD&amp;FP tables (random bits in every field the row leaves open), and a random state for the registers its
 * fields name. Register values mix random bits with the floating-point values where things go wrong (signed
 * zeros, infinities, quiet and signalling NaNs, subnormals, rounding ties, conversion limits) and distinct lane
 * patterns (so a permute that picks the wrong lane shows). FPCR gets random rounding modes, FZ, DN and AHP; FPSR
 * starts clear or with flags already set (the FP fast paths depend on IXC). Memory cases point their base
 * register into the scratch window so that every access stays inside it.
 */
final class CaseGenerator {
    private final SplittableRandom rnd;
    private final List<Encoding> rows = new ArrayList<>();

    CaseGenerator(long seed, Predicate<Encoding> which) {
        this.rnd = new SplittableRandom(seed);
        for (Encoding e : A64.table().rows()) {
            if (e.implemented() && which.test(e) && isSimdFp(e)) {
                rows.add(e);
            }
        }
    }

    List<Encoding> rows() {
        return rows;
    }

    /** True when words of the row decode to SIMD&amp;FP ops (the rows this tester covers). */
    static boolean isSimdFp(Encoding e) {
        SplittableRandom r = new SplittableRandom(e.name().hashCode());
        Insn i = new Insn();
        for (int k = 0; k < 64; k++) {
            int w = (r.nextInt() & ~e.pattern().mask()) | e.pattern().value();
            if (A64.decoder().decode(w, 0, i) == e) {
                int g = i.op >>> Ops.GROUP_SHIFT;
                return g == Ops.GROUP_FP || g == Ops.GROUP_SIMD;
            }
        }
        return false;
    }

    List<SimdCase> cases(int count) {
        List<SimdCase> out = new ArrayList<>();
        while (out.size() < count) {
            SimdCase c = next(rows.get(rnd.nextInt(rows.size())));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** A case for {@code row}, or null when the drawn word does not suit (then the caller draws again). */
    SimdCase next(Encoding row) {
        int word = (rnd.nextInt() & ~row.pattern().mask()) | row.pattern().value();
        if (row.name().equals("LDR_v_lit")) {
            word = (word & ~(0x7FFFF << 5)) | (((rnd.nextInt(56) - 16) & 0x7FFFF) << 5);
        }
        Insn i = new Insn();
        if (A64.decoder().decode(word, 0, i) == null || i.op == Ops.UNIMPLEMENTED) {
            return null;
        }
        StringBuilder spec = new StringBuilder();
        spec.append("seed=").append(Long.toHexString(rnd.nextLong())).append(" style=").append(rnd.nextInt(3))
                .append(" fpcr=").append(Long.toHexString(fpcr())).append(" fpsr=").append(Long.toHexString(fpsr()))
                .append(" nzcv=").append(Long.toHexString((long) rnd.nextInt(16) << 28));
        if (isMemory(i) && !placeAccess(i, spec)) {
            return null;
        }
        return new SimdCase(word, spec.toString());
    }

    static boolean isMemory(Insn i) {
        return i.op >= SimdMemExec.LDR && i.op < SimdExec.INT;
    }

    /** Points the base (and index) register so that the access lies inside the scratch window. */
    private boolean placeAccess(Insn i, StringBuilder spec) {
        if (i.rn == Reg.ZR) {
            // Literal: reads the harness code around the instruction. The 16 words before it and the 40 after
            // are the same in every case (see CaseProgram), so the case stays self-contained.
            return i.imm >= -64 && i.imm + (1 << i.size) <= 160;
        }
        if (i.rn == Reg.SP || i.rn >= 31) {
            return false;
        }
        int bytes = transferBytes(i);
        if ((i.op == SimdMemExec.LDP || i.op == SimdMemExec.LDP_Q) && i.rd == i.rt2) {
            return false; // CONSTRAINED UNPREDICTABLE
        }
        int off = rnd.nextInt(VState.MEM - bytes + 1);
        long target = CaseProgram.SCRATCH + off;
        long base;
        switch (i.opt) {
            case SimdMemExec.OFFSET:
            case SimdMemExec.PRE:
                base = target - i.imm;
                break;
            case SimdMemExec.REG: {
                if (i.rm == i.rn) {
                    return false;
                }
                long m = i.rm == Reg.ZR ? 0 : rnd.nextInt(8);
                if (i.rm != Reg.ZR) {
                    spec.append(" x").append(i.rm).append('=').append(Long.toHexString(m));
                }
                base = target - (m << i.amount);
                break;
            }
            default:
                base = target;
        }
        spec.append(" x").append(i.rn).append('=').append(Long.toHexString(base));
        return true;
    }

    static int transferBytes(Insn i) {
        int vec = i.is64 ? 16 : 8;
        switch (i.op) {
            case SimdMemExec.LDR:
            case SimdMemExec.STR:
            case SimdMemExec.LDR_Q:
            case SimdMemExec.STR_Q:
                return 1 << i.size;
            case SimdMemExec.LDP:
            case SimdMemExec.STP:
            case SimdMemExec.LDP_Q:
            case SimdMemExec.STP_Q:
                return 2 << i.size;
            case SimdMemExec.LD1:
            case SimdMemExec.ST1:
                return i.cond * vec;
            case SimdMemExec.LDN:
            case SimdMemExec.STN:
                return i.amount * vec;
            default:
                return i.amount << i.size;
        }
    }

    private long fpcr() {
        long v = (long) rnd.nextInt(4) << 22;         // RMode
        if (rnd.nextInt(5) == 0) {
            v |= 1L << 24;                             // FZ
        }
        if (rnd.nextInt(5) == 0) {
            v |= 1L << 25;                             // DN
        }
        if (rnd.nextInt(10) == 0) {
            v |= 1L << 26;                             // AHP
        }
        if (rnd.nextInt(3) == 0) {
            v &= ~(3L << 22);                          // round-to-nearest more often
        }
        return v;
    }

    private long fpsr() {
        switch (rnd.nextInt(5)) {
            case 0:
            case 1:
                return 0;
            case 2:
            case 3:
                return 0x10;                           // IXC already set: the fast paths
            default:
                return rnd.nextInt() & 0x0800_009FL;   // any cumulative flags, QC
        }
    }
}
