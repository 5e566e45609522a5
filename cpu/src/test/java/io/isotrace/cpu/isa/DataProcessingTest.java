package io.isotrace.cpu.isa;

import io.isotrace.cpu.decode.Reg;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.isotrace.cpu.isa.Words.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Data processing, register and immediate: results and NZCV worked out by hand from the Arm ARM pseudocode
 * (AddWithCarry, ShiftReg, ExtendReg, DecodeBitMasks, the CRC32 and division "Operation" sections). Edge cases:
 * carry and overflow at 32 and 64 bits, W results zero-extended, shifts by 0 and width-1 and by register modulo
 * the width, extends of registers with garbage above, division by zero and INT_MIN / -1, bitfield extremes.
 */
class DataProcessingTest {
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    /** Runs one instruction with x1, x2 (and x3) set and NZCV as given; returns the machine. */
    private static Machine run(String insn, long x1, long x2, int nzcv) {
        return new Machine().set(1, x1).set(2, x2).nzcv(nzcv).run(of(insn));
    }

    private static void check(String insn, long x1, long x2, long result, int flags) {
        Machine m = run(insn, x1, x2, 0);
        assertEquals(result, m.x(0), insn + " result");
        assertEquals(flags, m.nzcv(), insn + " NZCV");
    }

    @Test
    void addsSetsCarryAndOverflowAt64Bits() {
        check("adds x0, x1, x2", MAX, 1, MIN, 0b1001);
        check("adds x0, x1, x2", -1, 1, 0, 0b0110);
        check("adds x0, x1, x2", MIN, MIN, 0, 0b0111);
        check("adds x0, x1, x2", 1, 2, 3, 0b0000);
    }

    @Test
    void addsAt32BitsIgnoresUpperHalvesAndZeroExtends() {
        check("adds w0, w1, w2", 0xFFFF_FFFF_7FFF_FFFFL, 1, 0x8000_0000L, 0b1001);
        check("adds w0, w1, w2", 0xFFFF_FFFFL, 0x1234_0000_0001L, 0, 0b0110);
        check("adds w0, w1, w2", 0x8000_0000L, 0x8000_0000L, 0, 0b0111);
    }

    @Test
    void subtractionCarryIsNotBorrow() {
        check("subs x0, x1, x2", 5, 5, 0, 0b0110);
        check("subs x0, x1, x2", 0, 1, -1, 0b1000);
        check("subs x0, x1, x2", MIN, 1, MAX, 0b0011);
        check("subs w0, w1, w2", 0x8000_0000L, 1, 0x7FFF_FFFFL, 0b0011);
        check("subs w0, w1, w2", 1, 2, 0xFFFF_FFFFL, 0b1000);
        Machine m = run("cmp x1, x2", 3, 4, 0).set(0, 77);
        assertEquals(0b1000, m.nzcv());
    }

    @Test
    void carryInOfAdcAndSbc() {
        assertEquals(4, run("adc x0, x1, x2", 1, 2, 0b0010).x(0));
        assertEquals(3, run("adc x0, x1, x2", 1, 2, 0b0000).x(0));
        Machine m = run("adcs w0, w1, w2", 0xFFFF_FFFFL, 0, 0b0010);
        assertEquals(0, m.x(0));
        assertEquals(0b0110, m.nzcv());
        assertEquals(7, run("sbc x0, x1, x2", 10, 3, 0b0010).x(0));
        assertEquals(6, run("sbc x0, x1, x2", 10, 3, 0b0000).x(0));
        m = run("sbcs w0, w1, w2", 0, 0, 0b0000);
        assertEquals(0xFFFF_FFFFL, m.x(0));
        assertEquals(0b1000, m.nzcv());
    }

    @Test
    void extendedRegisterForms() {
        assertEquals(92, run("add x0, x1, w2, sxtw #2", 100, 0x1234_5678_FFFF_FFFEL, 0).x(0));
        assertEquals(108, run("add x0, x1, w2, uxtw #3", 100, 0xFFFF_FFFF_0000_0001L, 0).x(0));
        assertEquals(-155, run("sub x0, x1, w2, uxtb", 100, 0x1FF, 0).x(0));
        Machine m = run("adds w0, w1, w2, sxth", 1, 0x1234_FFFFL, 0);
        assertEquals(0, m.x(0));
        assertEquals(0b0110, m.nzcv());
    }

    @Test
    void stackPointerForms() {
        assertEquals(0x1010, new Machine().sp(0x1000).set(1, 0x10).run(of("add sp, sp, x1")).x(Reg.SP));
        assertEquals(0x1010, new Machine().sp(0x1000).run(of("add x0, sp, #0x10")).x(0));
        assertEquals(0x1FE0, new Machine().sp(0x2000).set(1, 0xFFFF_FFFF_0000_0002L)
                .run(of("sub sp, sp, w1, uxtw #4")).x(Reg.SP));
        assertEquals(0x4321, new Machine().sp(0x4321).run(of("mov x0, sp")).x(0));
    }

    @Test
    void logicalShiftedRegister() {
        Machine m = run("bics x0, x1, x2", 0xF0, 0xFF, 0b1111);
        assertEquals(0, m.x(0));
        assertEquals(0b0100, m.nzcv(), "BICS sets N and Z and clears C and V");
        assertEquals(0x1000_0000_0000_0000L, run("and x0, x1, x2, ror #4", -1, 1, 0).x(0));
        assertEquals(0xF0FF_FFFFL, run("orn w0, w1, w2, lsr #4", 0, 0xF000_0000L, 0).x(0));
        assertEquals(0x1234, run("eon x0, x1, x2, asr #63", 0x1234, MIN, 0).x(0));
        assertEquals(0x1234_5678, run("mov w0, w2", 0, 0xFFFF_FFFF_1234_5678L, 0).x(0));
    }

    @Test
    void conditionalCompare() {
        assertEquals(0b0110, run("ccmp x1, x2, #0x5, eq", 3, 3, 0b0100).nzcv());
        assertEquals(0b0101, run("ccmp x1, x2, #0x5, eq", 3, 3, 0b0000).nzcv());
        assertEquals(0b0110, run("ccmn w1, #0x3, #0x2, ne", 0xFFFF_FFFDL, 0, 0b0000).nzcv());
        assertEquals(0b0010, run("ccmn w1, #0x3, #0x2, ne", 0xFFFF_FFFDL, 0, 0b0100).nzcv());
    }

    @Test
    void conditionalSelect() {
        assertEquals(11, run("csel x0, x1, x2, ge", 11, 22, 0b1001).x(0));
        assertEquals(22, run("csel x0, x1, x2, ge", 11, 22, 0b1000).x(0));
        assertEquals(5, run("csinc w0, w1, w2, lt", 0xFFFF_FFFF_0000_0005L, 0xFFFF_FFFFL, 0b1000).x(0));
        assertEquals(0, run("csinc w0, w1, w2, lt", 5, 0xFFFF_FFFFL, 0b0000).x(0));
        assertEquals(~22L, run("csinv x0, x1, x2, eq", 11, 22, 0b0000).x(0));
        assertEquals(-22, run("csneg x0, x1, x2, ne", 11, 22, 0b0100).x(0));
        assertEquals(1, run("cset w0, hi", 0, 0, 0b0010).x(0));
        assertEquals(0, run("cset w0, hi", 0, 0, 0b0110).x(0));
        assertEquals(-1, run("csetm x0, ls", 0, 0, 0b0000).x(0));
        assertEquals(12, run("cinc x0, x1, mi", 11, 0, 0b1000).x(0));
        assertEquals(11, run("cinc x0, x1, mi", 11, 0, 0b0111).x(0));
    }

    @Test
    void oneSource() {
        assertEquals(MIN, run("rbit x0, x1", 1, 0, 0).x(0));
        assertEquals(0x8000_0000L, run("rbit w0, w1", 0xFFFF_FFFF_0000_0001L, 0, 0).x(0));
        assertEquals(0x2211_4433L, run("rev16 w0, w1", 0x1122_3344L, 0, 0).x(0));
        assertEquals(0x4433_2211_8877_6655L, run("rev32 x0, x1", 0x1122_3344_5566_7788L, 0, 0).x(0));
        assertEquals(0x8877_6655_4433_2211L, run("rev x0, x1", 0x1122_3344_5566_7788L, 0, 0).x(0));
        assertEquals(0x4433_2211L, run("rev w0, w1", 0xAABB_CCDD_1122_3344L, 0, 0).x(0));
        assertEquals(64, run("clz x0, x1", 0, 0, 0).x(0));
        assertEquals(63, run("clz x0, x1", 1, 0, 0).x(0));
        assertEquals(32, run("clz w0, w1", 0xFFFF_FFFF_0000_0000L, 0, 0).x(0));
        assertEquals(63, run("cls x0, x1", 0, 0, 0).x(0));
        assertEquals(63, run("cls x0, x1", -1, 0, 0).x(0));
        assertEquals(62, run("cls x0, x1", 1, 0, 0).x(0));
        assertEquals(0, run("cls x0, x1", 0x4000_0000_0000_0000L, 0, 0).x(0));
        assertEquals(31, run("cls w0, w1", 0xFFFF_FFFFL, 0, 0).x(0));
        assertEquals(30, run("cls w0, w1", 1, 0, 0).x(0));
        assertEquals(1, run("cls w0, w1", 0xC000_0000L, 0, 0).x(0));
    }

    @Test
    void divisionCornerCases() {
        assertEquals(0, run("udiv x0, x1, x2", 7, 0, 0).x(0));
        assertEquals(MAX, run("udiv x0, x1, x2", -1, 2, 0).x(0));
        assertEquals(5, run("udiv w0, w1, w2", 0x1_0000_0010L, 0x2_0000_0003L, 0).x(0));
        assertEquals(MIN, run("sdiv x0, x1, x2", MIN, -1, 0).x(0));
        assertEquals(-3, run("sdiv x0, x1, x2", -7, 2, 0).x(0));
        assertEquals(0, run("sdiv x0, x1, x2", 7, 0, 0).x(0));
        assertEquals(0x8000_0000L, run("sdiv w0, w1, w2", 0x8000_0000L, 0xFFFF_FFFFL, 0).x(0));
        assertEquals(0xFFFF_FFFDL, run("sdiv w0, w1, w2", -7, 2, 0).x(0));
        assertEquals(0, run("sdiv w0, w1, w2", -7, 0xFFFF_FFFF_0000_0000L, 0).x(0));
    }

    @Test
    void shiftsByRegisterAreModuloTheWidth() {
        assertEquals(8, run("lsl x0, x1, x2", 1, 67, 0).x(0));
        assertEquals(0x4000_0000L, run("lsr w0, w1, w2", 0xFFFF_FFFF_8000_0000L, 33, 0).x(0));
        assertEquals(0xFFFF_FFFFL, run("asr w0, w1, w2", 0x8000_0000L, 31, 0).x(0));
        assertEquals(2, run("ror x0, x1, x2", 1, -1, 0).x(0));
    }

    /** The CRC catalogue's check values: CRC-32 and CRC-32C of "123456789" are 0xCBF43926 and 0xE3069283. */
    @Test
    void crc32CheckValues() {
        byte[] s = "123456789".getBytes(StandardCharsets.US_ASCII);
        Machine m = new Machine().set(0, 0xFFFF_FFFFL);
        Machine c = new Machine().set(0, 0xFFFF_FFFFL);
        for (byte b : s) {
            m.set(1, b).run(of("crc32b w0, w0, w1"));
            c.set(1, b | 0xFFFF_FF00L).run(of("crc32cb w0, w0, w1")); // only the low byte counts
        }
        assertEquals(0xCBF4_3926L, ~m.x(0) & 0xFFFF_FFFFL);
        assertEquals(0xE306_9283L, ~c.x(0) & 0xFFFF_FFFFL);
        // The same through CRC32X (8 bytes, least significant first) and one CRC32B.
        long first8 = 0;
        for (int k = 7; k >= 0; k--) {
            first8 = (first8 << 8) | s[k];
        }
        m = new Machine().set(0, 0xFFFF_FFFFL).set(1, first8).run(of("crc32x w0, w0, x1"));
        m.set(1, '9').run(of("crc32b w0, w0, w1"));
        assertEquals(0xCBF4_3926L, ~m.x(0) & 0xFFFF_FFFFL);
        long first4 = s[0] | s[1] << 8 | s[2] << 16 | (long) s[3] << 24;
        c = new Machine().set(0, 0xFFFF_FFFFL).set(1, first4).run(of("crc32cw w0, w0, w1"));
        for (int k = 4; k < 9; k++) {
            c.set(1, s[k]).run(of("crc32cb w0, w0, w1"));
        }
        assertEquals(0xE306_9283L, ~c.x(0) & 0xFFFF_FFFFL);
    }

    @Test
    void multiplies() {
        assertEquals(17, new Machine().set(1, 3).set(2, 4).set(3, 5).run(of("madd x0, x1, x2, x3")).x(0));
        assertEquals(0xFFFF_FFF9L, new Machine().set(1, 3).set(2, 4).set(3, 5).run(of("msub w0, w1, w2, w3")).x(0));
        assertEquals(4, new Machine().set(1, 0xFFFF_FFFEL).set(2, 3).set(3, 10).run(of("smaddl x0, w1, w2, x3")).x(0));
        assertEquals(2, new Machine().set(1, 0xFFFF_FFFFL).set(2, 2).set(3, 0x2_0000_0000L)
                .run(of("umsubl x0, w1, w2, x3")).x(0));
        assertEquals(0, run("smulh x0, x1, x2", -1, -1, 0).x(0));
        assertEquals(0x4000_0000_0000_0000L, run("smulh x0, x1, x2", MIN, MIN, 0).x(0));
        assertEquals(-2, run("umulh x0, x1, x2", -1, -1, 0).x(0));
        assertEquals(1, run("umulh x0, x1, x2", 1L << 32, 1L << 32, 0).x(0));
    }

    @Test
    void bitfieldAliasesAndImmediates() {
        assertEquals(0x67, run("ubfx w0, w1, #4, #8", 0xFFFF_FFFF_1234_5678L, 0, 0).x(0));
        assertEquals(-8, run("asr x0, x1, #60", MIN, 0, 0).x(0));
        assertEquals(0xFFFF_FFFF_FF12_34FFL, new Machine().set(0, -1).set(1, 0x1234).run(of("bfi x0, x1, #8, #16")).x(0));
        assertEquals(0xAAAA_AA67L, new Machine().set(0, 0xFFFF_FFFF_AAAA_AAAAL).set(1, 0x1234_5678)
                .run(of("bfxil w0, w1, #4, #8")).x(0));
        assertEquals(0x8000_0000L, run("lsl w0, w1, #31", 3, 0, 0).x(0));
        assertEquals(-1, run("asr x0, x1, #63", MIN, 0, 0).x(0));
        assertEquals(0xFFFF_FFFF_FFFF_FF80L, run("sxtb x0, w1", 0x80, 0, 0).x(0));
        assertEquals(0x8001, run("uxth w0, w1", 0xFFFF_FFFF_FFFF_8001L, 0, 0).x(0));
        assertEquals(0xFF00_FF01L, run("orr w0, w1, #0xff00ff00", 0xFFFF_FFFF_0000_0001L, 0, 0).x(0));
        assertEquals(0x1111_BEEF_3333_4444L, new Machine().set(0, 0x1111_2222_3333_4444L)
                .run(of("movk x0, #0xbeef, lsl #32")).x(0));
        assertEquals(0xBEEF_4444L, new Machine().set(0, 0x1111_2222_3333_4444L)
                .run(of("movk w0, #0xbeef, lsl #16")).x(0));
        assertEquals(0x4455_6677L, run("extr w0, w1, w2, #8", 0x1122_3344L, 0x5566_7788L, 0).x(0));
    }
}
