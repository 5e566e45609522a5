package io.isotrace.cpu.isa;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The instruction words the unit tests run, keyed by their assembler text: each pair was produced by GNU as
 * (binutils 2.40, aarch64-linux-gnu) and printed back by aarch64-linux-gnu-objdump -d, so a test can say
 * {@code Words.of("adds x0, x1, x2")} and {@link DisassemblyTest} can check that Isotrace prints each word as
 * objdump does.
 */
final class Words {
    static final String[][] OBJDUMP = {
        {"ab020020", "adds x0, x1, x2"},
        {"2b020020", "adds w0, w1, w2"},
        {"eb020020", "subs x0, x1, x2"},
        {"6b020020", "subs w0, w1, w2"},
        {"eb02003f", "cmp x1, x2"},
        {"9a020020", "adc x0, x1, x2"},
        {"3a020020", "adcs w0, w1, w2"},
        {"da020020", "sbc x0, x1, x2"},
        {"7a020020", "sbcs w0, w1, w2"},
        {"8b22c820", "add x0, x1, w2, sxtw #2"},
        {"8b224c20", "add x0, x1, w2, uxtw #3"},
        {"cb220020", "sub x0, x1, w2, uxtb"},
        {"2b22a020", "adds w0, w1, w2, sxth"},
        {"8b2163ff", "add sp, sp, x1"},
        {"910043e0", "add x0, sp, #0x10"},
        {"cb2153ff", "sub sp, sp, w1, uxtw #4"},
        {"910003e0", "mov x0, sp"},
        {"ea220020", "bics x0, x1, x2"},
        {"8ac21020", "and x0, x1, x2, ror #4"},
        {"2a621020", "orn w0, w1, w2, lsr #4"},
        {"caa2fc20", "eon x0, x1, x2, asr #63"},
        {"2a0203e0", "mov w0, w2"},
        {"fa420025", "ccmp x1, x2, #0x5, eq"},
        {"3a431822", "ccmn w1, #0x3, #0x2, ne"},
        {"9a82a020", "csel x0, x1, x2, ge"},
        {"1a82b420", "csinc w0, w1, w2, lt"},
        {"da820020", "csinv x0, x1, x2, eq"},
        {"da821420", "csneg x0, x1, x2, ne"},
        {"1a9f97e0", "cset w0, hi"},
        {"da9f83e0", "csetm x0, ls"},
        {"9a815420", "cinc x0, x1, mi"},
        {"dac00020", "rbit x0, x1"},
        {"5ac00020", "rbit w0, w1"},
        {"5ac00420", "rev16 w0, w1"},
        {"dac00820", "rev32 x0, x1"},
        {"dac00c20", "rev x0, x1"},
        {"5ac00820", "rev w0, w1"},
        {"dac01020", "clz x0, x1"},
        {"5ac01020", "clz w0, w1"},
        {"dac01420", "cls x0, x1"},
        {"5ac01420", "cls w0, w1"},
        {"9ac20820", "udiv x0, x1, x2"},
        {"1ac20820", "udiv w0, w1, w2"},
        {"9ac20c20", "sdiv x0, x1, x2"},
        {"1ac20c20", "sdiv w0, w1, w2"},
        {"9ac22020", "lsl x0, x1, x2"},
        {"1ac22420", "lsr w0, w1, w2"},
        {"1ac22820", "asr w0, w1, w2"},
        {"9ac22c20", "ror x0, x1, x2"},
        {"1ac14000", "crc32b w0, w0, w1"},
        {"1ac15000", "crc32cb w0, w0, w1"},
        {"9ac14c00", "crc32x w0, w0, x1"},
        {"1ac15800", "crc32cw w0, w0, w1"},
        {"9b020c20", "madd x0, x1, x2, x3"},
        {"1b028c20", "msub w0, w1, w2, w3"},
        {"9b220c20", "smaddl x0, w1, w2, x3"},
        {"9ba28c20", "umsubl x0, w1, w2, x3"},
        {"9b427c20", "smulh x0, x1, x2"},
        {"9bc27c20", "umulh x0, x1, x2"},
        {"53042c20", "ubfx w0, w1, #4, #8"},
        {"937cfc20", "asr x0, x1, #60"},
        {"b3783c20", "bfi x0, x1, #8, #16"},
        {"33042c20", "bfxil w0, w1, #4, #8"},
        {"53010020", "lsl w0, w1, #31"},
        {"937ffc20", "asr x0, x1, #63"},
        {"93401c20", "sxtb x0, w1"},
        {"53003c20", "uxth w0, w1"},
        {"32089c20", "orr w0, w1, #0xff00ff00"},
        {"f2d7dde0", "movk x0, #0xbeef, lsl #32"},
        {"72b7dde0", "movk w0, #0xbeef, lsl #16"},
        {"13822020", "extr w0, w1, w2, #8"},
        {"f9400420", "ldr x0, [x1, #8]"},
        {"f85f8c20", "ldr x0, [x1, #-8]!"},
        {"f8410420", "ldr x0, [x1], #16"},
        {"39c00020", "ldrsb w0, [x1]"},
        {"39800420", "ldrsb x0, [x1, #1]"},
        {"79c00020", "ldrsh w0, [x1]"},
        {"b9800420", "ldrsw x0, [x1, #4]"},
        {"b85fd020", "ldur w0, [x1, #-3]"},
        {"f8408820", "ldtr x0, [x1, #8]"},
        {"38001820", "sttrb w0, [x1, #1]"},
        {"f8227820", "str x0, [x1, x2, lsl #3]"},
        {"b8625820", "ldr w0, [x1, w2, uxtw #2]"},
        {"f862c820", "ldr x0, [x1, w2, sxtw]"},
        {"38626820", "ldrb w0, [x1, x2]"},
        {"78627820", "ldrh w0, [x1, x2, lsl #1]"},
        {"58000080", "ldr x0, .+16"},
        {"18000080", "ldr w0, .+16"},
        {"98000080", "ldrsw x0, .+16"},
        {"a9400820", "ldp x0, x2, [x1]"},
        {"29ff0820", "ldp w0, w2, [x1, #-8]!"},
        {"68c10820", "ldpsw x0, x2, [x1], #8"},
        {"a9010820", "stp x0, x2, [x1, #16]"},
        {"a8400820", "ldnp x0, x2, [x1]"},
        {"28010820", "stnp w0, w2, [x1, #8]"},
        {"c85f7c20", "ldxr x0, [x1]"},
        {"885ffc20", "ldaxr w0, [x1]"},
        {"c8037c20", "stxr w3, x0, [x1]"},
        {"8803fc20", "stlxr w3, w0, [x1]"},
        {"08037c20", "stxrb w3, w0, [x1]"},
        {"485f7c20", "ldxrh w0, [x1]"},
        {"c87f0820", "ldxp x0, x2, [x1]"},
        {"c8230820", "stxp w3, x0, x2, [x1]"},
        {"c8dffc20", "ldar x0, [x1]"},
        {"889ffc20", "stlr w0, [x1]"},
        {"f8bfc020", "ldapr x0, [x1]"},
        {"f8220020", "ldadd x2, x0, [x1]"},
        {"b8e20020", "ldaddal w2, w0, [x1]"},
        {"38224020", "ldsmaxb w2, w0, [x1]"},
        {"f8227020", "ldumin x2, x0, [x1]"},
        {"b862103f", "stclrl w2, [x1]"},
        {"f8a28020", "swpa x2, x0, [x1]"},
        {"c8a27c20", "cas x2, x0, [x1]"},
        {"88e2fc20", "casal w2, w0, [x1]"},
        {"4822fc24", "caspl x2, x3, x4, x5, [x1]"},
        {"d50b7421", "dc zva, x1"},
        {"d50b7e21", "dc civac, x1"},
        {"d50b7b21", "dc cvau, x1"},
        {"d50b7521", "ic ivau, x1"},
        {"d53b4200", "mrs x0, nzcv"},
        {"d51b4200", "msr nzcv, x0"},
        {"d53bd040", "mrs x0, tpidr_el0"},
        {"d51bd040", "msr tpidr_el0, x0"},
        {"d53b00e0", "mrs x0, dczid_el0"},
        {"d53b0020", "mrs x0, ctr_el0"},
        {"d5380000", "mrs x0, midr_el1"},
        {"d53be020", "mrs x0, cntpct_el0"},
        {"d50342df", "msr daifset, #0x2"},
        {"d508871f", "tlbi vmalle1"},
        {"d5033f5f", "clrex"},
        {"d4000001", "svc #0x0"},
        {"d503201f", "nop"},
        {"d50330ff", "sb"},
        {"d5033bbf", "dmb ish"},
        {"d5033fdf", "isb"},
        {"91000400", "add x0, x0, #0x1"},
        {"c8037c40", "stxr w3, x0, [x2]"},
        {"b85fe020", "ldur w0, [x1, #-2]"},
        {"b9000020", "str w0, [x1]"},
        {"39000020", "strb w0, [x1]"},
        {"f8e20020", "ldaddal x2, x0, [x1]"},
        {"b8220020", "ldadd w2, w0, [x1]"},
        {"08a27c20", "casb w2, w0, [x1]"},
        {"c89ffc20", "stlr x0, [x1]"},
        {"78bfc020", "ldaprh w0, [x1]"},
        {"d50b7a21", "dc cvac, x1"},
        {"d50b7522", "ic ivau, x2"},
        {"d503203f", "yield"},
        {"dac10020", "pacia x0, x1"},
        {"d500401f", "cfinv"}
    };

    /** Texts whose objdump form Isotrace does not reproduce, and why. */
    static final Map<String, String> NOT_PRINTED_AS_OBJDUMP = Map.of(
            "ldr x0, .+16", "objdump prints the target relative to the object file",
            "ldr w0, .+16", "objdump prints the target relative to the object file",
            "ldrsw x0, .+16", "objdump prints the target relative to the object file",
            "tlbi vmalle1", "EL1-only SYS instructions print as sys #op1, Cn, Cm, #op2",
            "mrs x0, midr_el1", "UNDEFINED at EL0 without HWCAP_CPUID: no row, printed as .inst",
            "mrs x0, cntpct_el0", "UNDEFINED at EL0 under Linux: no row, printed as .inst",
            "pacia x0, x1", "FEAT_PAuth: an unimplemented row, printed by its row name",
            "cfinv", "FEAT_FlagM: an unimplemented row, printed by its row name");

    private static final Map<String, Integer> BY_TEXT = new HashMap<>();

    static {
        for (String[] r : OBJDUMP) {
            BY_TEXT.put(r[1], Integer.parseUnsignedInt(r[0], 16));
        }
    }

    private Words() {
    }

    static int of(String text) {
        Integer w = BY_TEXT.get(text);
        if (w == null) {
            throw new IllegalArgumentException("no word for \"" + text + "\" in Words.OBJDUMP");
        }
        return w;
    }

    static Set<String> texts() {
        return BY_TEXT.keySet();
    }
}
