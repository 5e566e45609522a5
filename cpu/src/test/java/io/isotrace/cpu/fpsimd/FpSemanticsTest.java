package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.exec.FpArith;
import io.isotrace.cpu.exec.FpBits;
import io.isotrace.cpu.exec.FpConvert;
import io.isotrace.cpu.exec.FpEstimate;
import io.isotrace.cpu.mmu.Stage1;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The floating-point kernels against facts of IEEE 754 and the Arm ARM pseudocode (FPProcessNaNs, FPRound,
 * FPToFixed, FPRecipEstimate ...), independent of any emulator's output: NaN propagation and the default NaN,
 * signed zeros, directed rounding, overflow by rounding mode, underflow before rounding, flush-to-zero,
 * conversions at the integer limits. And the fast paths against the exact paths on random operands.
 */
class FpSemanticsTest {
    private static final long D_ONE = Double.doubleToRawLongBits(1.0);
    private static final long D_INF = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
    private static final long D_NINF = Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);
    private static final long D_DEFAULT_NAN = 0x7FF8_0000_0000_0000L;
    private static final long D_SNAN = 0x7FF0_0000_0000_0123L;
    private static final long D_QNAN = 0xFFF8_0000_0000_0456L;

    private Cpu c;

    @BeforeEach
    void cpu() {
        c = new Cpu(CpuConfig.defaults(), (va, access, out) -> Stage1.FAULT_TRANSLATION,
                new IdentityMemoryPort(new PhysicalMemory()));
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    @Test
    void invalidOperationsGiveTheDefaultNaN() {
        assertEquals(D_DEFAULT_NAN, FpArith.addD(c, D_INF, D_NINF));
        assertEquals(FpBits.IOC, c.fpsr);
        c.fpsr = 0;
        assertEquals(D_DEFAULT_NAN, FpArith.mulD(c, 0, D_INF));
        assertEquals(D_DEFAULT_NAN, FpArith.divD(c, 0, 0));
        assertEquals(D_DEFAULT_NAN, FpArith.sqrtD(c, d(-1)));
        assertEquals(FpBits.IOC, c.fpsr);
    }

    @Test
    void nanPropagationFollowsFpProcessNaNs() {
        // A signalling NaN wins over a quiet one and is quietened (payload kept), raising Invalid Operation.
        assertEquals(D_SNAN | 0x0008_0000_0000_0000L, FpArith.addD(c, D_QNAN, D_SNAN));
        assertEquals(FpBits.IOC, c.fpsr);
        c.fpsr = 0;
        // Two quiet NaNs: the first operand's, no exception.
        assertEquals(D_QNAN, FpArith.mulD(c, D_QNAN, 0x7FF8_0000_0000_0789L));
        assertEquals(0, c.fpsr);
        // FPCR.DN: the default NaN instead.
        c.fpcr = FpBits.FPCR_DN;
        assertEquals(D_DEFAULT_NAN, FpArith.subD(c, D_ONE, D_QNAN));
        // FMADD processes the addend first; Inf*0 with a quiet NaN addend is still invalid.
        c.fpcr = 0;
        assertEquals(0x7FF8_0000_0000_0789L, FpArith.fmaD(c, 0x7FF8_0000_0000_0789L, D_QNAN, D_ONE));
        c.fpsr = 0;
        assertEquals(D_DEFAULT_NAN, FpArith.fmaD(c, D_QNAN, D_INF, 0));
        assertEquals(FpBits.IOC, c.fpsr);
    }

    @Test
    void signedZerosAndDirectedRounding() {
        assertEquals(0L, FpArith.addD(c, d(-0.0), d(0.0)));
        assertEquals(0L, FpArith.subD(c, D_ONE, D_ONE));
        c.fpcr = FpBits.RM << FpBits.RMODE_SHIFT;
        assertEquals(d(-0.0), FpArith.subD(c, D_ONE, D_ONE));
        assertEquals(d(-0.0), FpArith.addD(c, d(-0.0), d(0.0)));
        // 1 + 2^-60 is inexact: RP rounds up, RZ and RN down.
        c.fpcr = FpBits.RP << FpBits.RMODE_SHIFT;
        c.fpsr = 0;
        assertEquals(d(Math.nextUp(1.0)), FpArith.addD(c, D_ONE, d(0x1p-60)));
        assertEquals(FpBits.IXC, c.fpsr);
        c.fpcr = FpBits.RZ << FpBits.RMODE_SHIFT;
        assertEquals(D_ONE, FpArith.addD(c, D_ONE, d(0x1p-60)));
        assertEquals(d(-1.0), FpArith.addD(c, d(-1.0), d(-0x1p-60)));
        // 1/3 rounds differently in each mode.
        c.fpcr = FpBits.RM << FpBits.RMODE_SHIFT;
        assertEquals(d(1.0 / 3), FpArith.divD(c, D_ONE, d(3.0)));
        c.fpcr = FpBits.RP << FpBits.RMODE_SHIFT;
        assertEquals(d(Math.nextUp(1.0 / 3)), FpArith.divD(c, D_ONE, d(3.0)));
    }

    @Test
    void overflowDependsOnTheRoundingMode() {
        long max = d(Double.MAX_VALUE);
        assertEquals(D_INF, FpArith.mulD(c, max, d(2.0)));
        assertEquals(FpBits.OFC | FpBits.IXC, c.fpsr);
        c.fpcr = FpBits.RZ << FpBits.RMODE_SHIFT;
        assertEquals(max, FpArith.mulD(c, max, d(2.0)));
        c.fpcr = FpBits.RM << FpBits.RMODE_SHIFT;
        assertEquals(max, FpArith.addD(c, max, max));
        assertEquals(D_NINF, FpArith.addD(c, d(-Double.MAX_VALUE), d(-Double.MAX_VALUE)));
    }

    @Test
    void underflowIsTinyAndInexactAndFlushToZeroFlushes() {
        long minNormal = d(Double.MIN_NORMAL);
        // Exact subnormal result: no Underflow.
        assertEquals(d(Double.MIN_NORMAL / 2), FpArith.divD(c, minNormal, d(2.0)));
        assertEquals(0, c.fpsr);
        // Inexact subnormal: Underflow and Inexact.
        FpArith.divD(c, minNormal, d(3.0));
        assertEquals(FpBits.UFC | FpBits.IXC, c.fpsr);
        // FZ: a tiny result becomes a zero of its sign with Underflow only; a subnormal input reads as zero (IDC).
        c.fpcr = FpBits.FPCR_FZ;
        c.fpsr = 0;
        assertEquals(d(-0.0), FpArith.divD(c, d(-Double.MIN_NORMAL), d(3.0)));
        assertEquals(FpBits.UFC, c.fpsr);
        c.fpsr = 0;
        assertEquals(D_ONE, FpArith.addD(c, D_ONE, 1));
        assertEquals(FpBits.IDC, c.fpsr);
    }

    @Test
    void conversionsToIntegersSaturate() {
        long nan = D_DEFAULT_NAN;
        assertEquals(0, FpConvert.toInt(c, nan, FpBits.D, FpBits.RZ, false, 32, 0));
        assertEquals(FpBits.IOC, c.fpsr);
        c.fpsr = 0;
        assertEquals(0x7FFF_FFFFL, FpConvert.toInt(c, d(0x1p31), FpBits.D, FpBits.RZ, false, 32, 0));
        assertEquals(FpBits.IOC, c.fpsr);
        c.fpsr = 0;
        assertEquals(0x8000_0000L, FpConvert.toInt(c, d(-2147483648.5), FpBits.D, FpBits.RZ, false, 32, 0));
        assertEquals(FpBits.IXC, c.fpsr);
        c.fpsr = 0;
        assertEquals(0L, FpConvert.toInt(c, d(-0.5), FpBits.D, FpBits.RZ, true, 64, 0));
        assertEquals(FpBits.IXC, c.fpsr);
        assertEquals(-1L, FpConvert.toInt(c, D_INF, FpBits.D, FpBits.RN, true, 64, 0));
        assertEquals(Long.MIN_VALUE, FpConvert.toInt(c, D_NINF, FpBits.D, FpBits.RN, false, 64, 0));
        // Ties: to even, and away from zero.
        assertEquals(2L, FpConvert.toInt(c, d(2.5), FpBits.D, FpBits.RN, false, 64, 0));
        assertEquals(3L, FpConvert.toInt(c, d(2.5), FpBits.D, FpBits.TIEAWAY, false, 64, 0));
        assertEquals(-3L, FpConvert.toInt(c, d(-2.5), FpBits.D, FpBits.TIEAWAY, false, 64, 0));
    }

    @Test
    void conversionsFromIntegersRoundByMode() {
        long big = (1L << 53) + 1;                 // not representable: between 2^53 and 2^53 + 2
        assertEquals(d(0x1p53), FpConvert.fromInt(c, big, false, 64, FpBits.D, 0, FpBits.RN));
        assertEquals(d(0x1p53 + 2), FpConvert.fromInt(c, big, false, 64, FpBits.D, 0, FpBits.RP));
        assertEquals(d(0x1p64), FpConvert.fromInt(c, -1L, true, 64, FpBits.D, 0, FpBits.RN));
        assertEquals(d(-0x1p63), FpConvert.fromInt(c, Long.MIN_VALUE, false, 64, FpBits.D, 0, FpBits.RN));
        assertEquals(d(0.75), FpConvert.fromInt(c, 3, false, 32, FpBits.D, 2, FpBits.RN));
    }

    @Test
    void recipEstimateIsTheArmTable() {
        // FRECPE(1.0): RecipEstimate(256) = 511, i.e. 0.998046875 (Arm ARM FPRecipEstimate).
        assertEquals(d(0.998046875), FpEstimate.recip(c, D_ONE, FpBits.D));
        assertEquals(0x3F7F_8000L, FpEstimate.recip(c, 0x3F80_0000L, FpBits.S));
        // FRSQRTE(1.0): RecipSqrtEstimate(256) = 511, i.e. 0.998046875.
        assertEquals(d(0.998046875), FpEstimate.rsqrt(c, D_ONE, FpBits.D));
        // Zero gives infinity with Divide by Zero.
        c.fpsr = 0;
        assertEquals(D_INF, FpEstimate.recip(c, 0, FpBits.D));
        assertEquals(FpBits.DZC, c.fpsr);
    }

    /**
     * The fast paths (round to nearest, no FZ) against the exact paths (forced by FPCR.FZ, which changes nothing for
     * normal operands and results): same bits and the same Inexact flag, on random operands and on operands whose
     * results are exact (small integers and halves), where Inexact must stay clear.
     */
    @Test
    void fastPathsAgreeWithTheExactPaths() {
        SplittableRandom r = new SplittableRandom(11);
        Cpu slow = new Cpu(CpuConfig.defaults(), (va, access, out) -> Stage1.FAULT_TRANSLATION,
                new IdentityMemoryPort(new PhysicalMemory()));
        slow.fpcr = FpBits.FPCR_FZ;
        for (int k = 0; k < 200_000; k++) {
            boolean exactish = (k & 1) == 0;
            long a = d(operand(r, exactish));
            long b = d(operand(r, exactish));
            long e = d(operand(r, exactish));
            long fa = Float.floatToRawIntBits((float) Double.longBitsToDouble(a)) & 0xFFFF_FFFFL;
            long fb = Float.floatToRawIntBits((float) Double.longBitsToDouble(b)) & 0xFFFF_FFFFL;
            long fe = Float.floatToRawIntBits((float) Double.longBitsToDouble(e)) & 0xFFFF_FFFFL;
            for (int op = 0; op < 12; op++) {
                c.fpsr = 0;
                slow.fpsr = 0;
                long fast = apply(c, op, a, b, e, fa, fb, fe);
                long exact = apply(slow, op, a, b, e, fa, fb, fe);
                assertEquals(exact, fast, "op " + op);
                assertEquals(slow.fpsr, c.fpsr, "flags of op " + op);
            }
        }
    }

    private static double operand(SplittableRandom r, boolean exactish) {
        if (exactish) {
            return (r.nextInt(-64, 64) + (r.nextBoolean() ? 0.5 : 0)) * (r.nextBoolean() ? 1 : 0.25);
        }
        return Math.scalb(r.nextDouble(1, 2), r.nextInt(-30, 30)) * (r.nextBoolean() ? 1 : -1);
    }

    private static long apply(Cpu cpu, int op, long a, long b, long e, long fa, long fb, long fe) {
        switch (op) {
            case 0:
                return FpArith.addD(cpu, a, b);
            case 1:
                return FpArith.subD(cpu, a, b);
            case 2:
                return FpArith.mulD(cpu, a, b);
            case 3:
                return FpArith.divD(cpu, a, b);
            case 4:
                return FpArith.fmaD(cpu, e, a, b);
            case 5:
                return FpArith.sqrtD(cpu, a & Long.MAX_VALUE);
            case 6:
                return FpArith.addS(cpu, fa, fb);
            case 7:
                return FpArith.subS(cpu, fa, fb);
            case 8:
                return FpArith.mulS(cpu, fa, fb);
            case 9:
                return FpArith.divS(cpu, fa, fb);
            case 10:
                return FpArith.fmaS(cpu, fe, fa, fb);
            default:
                return FpArith.sqrtS(cpu, fa & 0x7FFF_FFFFL);
        }
    }
}
