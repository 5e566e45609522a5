package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.AtomicExec;
import io.isotrace.cpu.exec.ExclusiveExec;
import io.isotrace.cpu.exec.MemExec;

import java.util.Locale;

/**
 * Loads and stores of general registers (Arm ARM C4.1.94): every addressing form of the single-register and pair
 * loads and stores, PC-relative literals, the unprivileged forms, exclusives, load-acquire/store-release and the
 * LSE atomics. (SIMD&amp;FP registers, V = 1, are the SIMD&amp;FP table's.)
 *
 * <p>Rows are generated from small lists of the forms' fixed bits and mnemonics, one row per mnemonic so that
 * disassembly matches objdump; a row of a zero offset prints {@code [x1]} as objdump does. Single-register forms
 * decode to {@link MemExec} operations with the mode in {@code opt} ({@link MemExec#OFFSET}, {@link MemExec#PRE},
 * {@link MemExec#POST}) and the byte offset in {@code imm}.
 */
final class LoadStoreTable {
    private LoadStoreTable() {
    }

    /**
     * A single-register load/store (size:opc): its mnemonics in the offset/indexed, unscaled and unprivileged forms,
     * the width of its register, and its operation: 0 store, 1 zero-extending load, 2 sign-extending load.
     */
    private record Single(int size, int opc, String ldst, String unscaled, String unpriv, boolean x, int kind) {
        String bits() {
            return bin(size, 2) + " 111 0 %s " + bin(opc, 2);
        }
    }

    private static final Single[] SINGLES = {
        new Single(0, 0, "strb", "sturb", "sttrb", false, 0),
        new Single(0, 1, "ldrb", "ldurb", "ldtrb", false, 1),
        new Single(0, 2, "ldrsb", "ldursb", "ldtrsb", true, 2),
        new Single(0, 3, "ldrsb", "ldursb", "ldtrsb", false, 2),
        new Single(1, 0, "strh", "sturh", "sttrh", false, 0),
        new Single(1, 1, "ldrh", "ldurh", "ldtrh", false, 1),
        new Single(1, 2, "ldrsh", "ldursh", "ldtrsh", true, 2),
        new Single(1, 3, "ldrsh", "ldursh", "ldtrsh", false, 2),
        new Single(2, 0, "str", "stur", "sttr", false, 0),
        new Single(2, 1, "ldr", "ldur", "ldtr", false, 1),
        new Single(2, 2, "ldrsw", "ldursw", "ldtrsw", true, 2),
        new Single(3, 0, "str", "stur", "sttr", true, 0),
        new Single(3, 1, "ldr", "ldur", "ldtr", true, 1),
    };

    /** Register-offset forms: option (UXTW, LSL, SXTW, SXTX) and S, and how objdump writes them. */
    private static final String[][] REG_OFFSETS = {
        {"010", "0", "{m:w}, uxtw"}, {"010", "1", "{m:w}, uxtw #{amount}"},
        {"011", "0", "{m:x}"}, {"011", "1", "{m:x}, lsl #{amount}"},
        {"110", "0", "{m:w}, sxtw"}, {"110", "1", "{m:w}, sxtw #{amount}"},
        {"111", "0", "{m:x}, sxtx"}, {"111", "1", "{m:x}, sxtx #{amount}"},
    };

    static void register(EncodingTable t) {
        for (Single s : SINGLES) {
            single(t, s);
        }
        prefetch(t);
        literal(t);
        pairs(t);
        exclusive(t);
        ordered(t);
        atomics(t);
        unimplemented(t);
    }

    // ------------------------------------------------------------------ single register

    private static void single(EncodingTable t, Single s) {
        String name = s.ldst.toUpperCase(Locale.ROOT) + (s.kind == 2 ? (s.x ? "_x" : "_w") : "");
        String uimm = String.format(s.bits(), "01");
        String imm9 = String.format(s.bits(), "00") + " 0 iiiiiiiii ";
        String head = s.ldst + " {d}, [{n:x}";
        // Unsigned scaled offset.
        t.add(name + "_uimm0", uimm + " 000000000000 nnnnn ttttt", head + "]",
                (f, i) -> single(f, i, s, MemExec.OFFSET, 0));
        t.add(name + "_uimm", uimm + " iiiiiiiiiiii nnnnn ttttt", head + ", #{imm:d}]",
                (f, i) -> single(f, i, s, MemExec.OFFSET, (long) f.u('i') << s.size));
        // Unscaled (LDUR/STUR), post-index, unprivileged (LDTR/STTR), pre-index: imm9, bits 11:10 select.
        String uhead = s.unscaled + " {d}, [{n:x}";
        t.add(name.replace("LDR", "LDUR").replace("STR", "STUR") + "0",
                String.format(s.bits(), "00") + " 0 000000000 00 nnnnn ttttt", uhead + "]",
                (f, i) -> single(f, i, s, MemExec.OFFSET, 0));
        t.add(name.replace("LDR", "LDUR").replace("STR", "STUR"), imm9 + "00 nnnnn ttttt", uhead + ", #{imm:d}]",
                (f, i) -> single(f, i, s, MemExec.OFFSET, f.s('i')));
        t.add(name + "_post", imm9 + "01 nnnnn ttttt", head + "], #{imm:d}",
                (f, i) -> single(f, i, s, MemExec.POST, f.s('i')));
        t.add(name + "_pre", imm9 + "11 nnnnn ttttt", head + ", #{imm:d}]!",
                (f, i) -> single(f, i, s, MemExec.PRE, f.s('i')));
        // Unprivileged: at EL0 an ordinary access (EL0 accesses are unprivileged already).
        String thead = s.unpriv + " {d}, [{n:x}";
        t.add(name.replace("LDR", "LDTR").replace("STR", "STTR") + "0",
                String.format(s.bits(), "00") + " 0 000000000 10 nnnnn ttttt", thead + "]",
                (f, i) -> single(f, i, s, MemExec.OFFSET, 0));
        t.add(name.replace("LDR", "LDTR").replace("STR", "STTR"), imm9 + "10 nnnnn ttttt", thead + ", #{imm:d}]",
                (f, i) -> single(f, i, s, MemExec.OFFSET, f.s('i')));
        // Register offset: [Xn, Rm{, extend {#amount}}], the amount being 0 or log2(size).
        for (String[] ro : REG_OFFSETS) {
            t.add(name + "_reg", String.format(s.bits(), "00") + " 1 mmmmm " + ro[0] + " " + ro[1]
                    + " 10 nnnnn ttttt", head + ", " + ro[2] + "]", (f, i) -> registerOffset(f, i, s));
        }
    }

    private static boolean single(Fields f, Insn i, Single s, int mode, long offset) {
        i.size = 1 << s.size;
        i.is64 = s.x;
        i.rn = Reg.sp(f.u('n'));
        i.imm = offset;
        i.opt = mode;
        int rt = f.u('t');
        switch (s.kind) {
            case 0:
                i.op = MemExec.STR;
                i.rd = Reg.src(rt);
                break;
            case 1:
                i.op = MemExec.LDR;
                i.rd = Reg.dst(rt);
                break;
            default:
                i.op = MemExec.LDRS;
                i.rd = Reg.dst(rt);
        }
        return true;
    }

    /** Address = Xn + (ExtendReg(Rm, option) << amount); opt = option, amount = 0 or log2(size). */
    private static boolean registerOffset(Fields f, Insn i, Single s) {
        single(f, i, s, MemExec.OFFSET, 0);
        i.op = s.kind == 0 ? MemExec.STR_REG : s.kind == 1 ? MemExec.LDR_REG : MemExec.LDRS_REG;
        i.rm = Reg.src(f.u('m'));
        i.opt = (f.word() >>> 13) & 7;
        i.amount = ((f.word() >>> 12) & 1) != 0 ? s.size : 0;
        return true;
    }

    // ------------------------------------------------------------------ prefetch

    /**
     * PRFM/PRFUM: hints, no architectural access (nothing to fault on, nothing to report). The prefetch operation
     * (Rt) is kept in opt for the disassembly ({prfop}: pldl1keep ...).
     */
    private static void prefetch(EncodingTable t) {
        t.add("PRFM_uimm0", "11 111 0 01 10 000000000000 nnnnn ttttt", "prfm {prfop}, [{n:x}]",
                (f, i) -> prefetch(f, i, 0));
        t.add("PRFM_uimm", "11 111 0 01 10 iiiiiiiiiiii nnnnn ttttt", "prfm {prfop}, [{n:x}, #{imm:d}]",
                (f, i) -> prefetch(f, i, (long) f.u('i') << 3));
        t.add("PRFUM0", "11 111 0 00 10 0 000000000 00 nnnnn ttttt", "prfum {prfop}, [{n:x}]",
                (f, i) -> prefetch(f, i, 0));
        t.add("PRFUM", "11 111 0 00 10 0 iiiiiiiii 00 nnnnn ttttt", "prfum {prfop}, [{n:x}, #{imm:d}]",
                (f, i) -> prefetch(f, i, f.s('i')));
        t.add("PRFM_lit", "11 011 0 00 iiiiiiiiiiiiiiiiiii ttttt", "prfm {prfop}, {target}",
                (f, i) -> prefetch(f, i, i.pc + (f.s('i') << 2)));
        for (String[] ro : REG_OFFSETS) {
            t.add("PRFM_reg", "11 111 0 00 10 1 mmmmm " + ro[0] + " " + ro[1] + " 10 nnnnn ttttt",
                    "prfm {prfop}, [{n:x}, " + ro[2] + "]", (f, i) -> {
                        prefetch(f, i, 0);
                        i.rm = Reg.src(f.u('m'));
                        i.amount = ((f.word() >>> 12) & 1) * 3;
                        return true;
                    });
        }
    }

    private static boolean prefetch(Fields f, Insn i, long offset) {
        i.op = MemExec.PRFM;
        i.is64 = true;
        i.rn = f.has('n') ? Reg.sp(f.u('n')) : Reg.ZR;
        i.imm = offset;
        i.opt = f.u('t');
        return true;
    }

    // ------------------------------------------------------------------ literal

    /** opc 011 V=0 00 imm19 Rt: LDR (w, x), LDRSW; the target address is absolute at decode. */
    private static void literal(EncodingTable t) {
        t.add("LDR_lit_w", "00 011 0 00 iiiiiiiiiiiiiiiiiii ttttt", "ldr {d}, {target}",
                (f, i) -> literal(f, i, MemExec.LDR_LIT, 4, false));
        t.add("LDR_lit_x", "01 011 0 00 iiiiiiiiiiiiiiiiiii ttttt", "ldr {d}, {target}",
                (f, i) -> literal(f, i, MemExec.LDR_LIT, 8, true));
        t.add("LDRSW_lit", "10 011 0 00 iiiiiiiiiiiiiiiiiii ttttt", "ldrsw {d}, {target}",
                (f, i) -> literal(f, i, MemExec.LDRSW_LIT, 4, true));
    }

    private static boolean literal(Fields f, Insn i, int op, int size, boolean is64) {
        i.op = op;
        i.size = size;
        i.is64 = is64;
        i.rd = Reg.dst(f.u('t'));
        i.imm = i.pc + (f.s('i') << 2);
        return true;
    }

    // ------------------------------------------------------------------ pairs

    /**
     * opc 101 V=0 mode L imm7 Rt2 Rn Rt. mode 000 no-allocate offset (LDNP/STNP), 001 post, 010 offset, 011 pre.
     * opc 00 32-bit, 01 LDPSW (load only; its store is STGP), 10 64-bit.
     */
    private static void pairs(EncodingTable t) {
        String[][] forms = {{"00", "0", "stp", "stnp"}, {"00", "1", "ldp", "ldnp"}, {"01", "1", "ldpsw", null},
            {"10", "0", "stp", "stnp"}, {"10", "1", "ldp", "ldnp"}};
        for (String[] p : forms) {
            String head = p[0] + " 101 0 ";
            String tail = " " + p[1] + " iiiiiii uuuuu nnnnn ttttt";
            String ops = " {d}, {t2}, [{n:x}";
            String name = p[2].toUpperCase(Locale.ROOT) + "_" + p[0];
            t.add(name + "_post", head + "001" + tail, p[2] + ops + "], #{imm:d}", (f, i) -> pair(f, i, MemExec.POST));
            t.add(name + "_off0", head + "010 " + p[1] + " 0000000 uuuuu nnnnn ttttt", p[2] + ops + "]",
                    (f, i) -> pair(f, i, MemExec.OFFSET));
            t.add(name + "_off", head + "010" + tail, p[2] + ops + ", #{imm:d}]", (f, i) -> pair(f, i, MemExec.OFFSET));
            t.add(name + "_pre", head + "011" + tail, p[2] + ops + ", #{imm:d}]!", (f, i) -> pair(f, i, MemExec.PRE));
            if (p[3] != null) {
                String nt = p[3].toUpperCase(Locale.ROOT) + "_" + p[0];
                t.add(nt + "0", head + "000 " + p[1] + " 0000000 uuuuu nnnnn ttttt", p[3] + ops + "]",
                        (f, i) -> pair(f, i, MemExec.OFFSET));
                t.add(nt, head + "000" + tail, p[3] + ops + ", #{imm:d}]", (f, i) -> pair(f, i, MemExec.OFFSET));
            }
        }
        t.unimplemented("STGP_post", "01 101 0 001 0 iiiiiii uuuuu nnnnn ttttt");
        t.unimplemented("STGP_off", "01 101 0 010 0 iiiiiii uuuuu nnnnn ttttt");
        t.unimplemented("STGP_pre", "01 101 0 011 0 iiiiiii uuuuu nnnnn ttttt");
    }

    private static boolean pair(Fields f, Insn i, int mode) {
        int opc = f.word() >>> 30;
        boolean load = ((f.word() >>> 22) & 1) != 0;
        int scale = opc == 2 ? 3 : 2;
        i.size = 1 << scale;
        i.is64 = opc != 0;
        i.imm = f.has('i') ? f.s('i') << scale : 0;
        i.opt = mode;
        i.rn = Reg.sp(f.u('n'));
        if (load) {
            i.op = opc == 1 ? MemExec.LDPSW : MemExec.LDP;
            i.rd = Reg.dst(f.u('t'));
            i.rt2 = Reg.dst(f.u('u'));
        } else {
            i.op = MemExec.STP;
            i.rd = Reg.src(f.u('t'));
            i.rt2 = Reg.src(f.u('u'));
        }
        return true;
    }

    // ------------------------------------------------------------------ exclusives

    private static final String[] SIZE_SUFFIX = {"b", "h", "", ""};

    /**
     * size 001000 o2 L o1 Rs o0 Rt2 Rn Rt with o2 = 0: LDXR/LDAXR/STXR/STLXR (o1 = 0, all sizes) and the pairs
     * LDXP/LDAXP/STXP/STLXP (o1 = 1, size 1x). Rs and Rt2 of the forms that have none are ignored, as QEMU does.
     */
    private static void exclusive(EncodingTable t) {
        for (int size = 0; size < 4; size++) {
            int sz = size;
            String s = bin(size, 2);
            String sfx = SIZE_SUFFIX[size];
            for (int o0 = 0; o0 < 2; o0++) {
                boolean ordered = o0 == 1;
                String a = ordered ? "a" : "";
                String l = ordered ? "l" : "";
                t.add("LD" + a.toUpperCase(Locale.ROOT) + "XR" + sfx.toUpperCase(Locale.ROOT) + "_" + size,
                        s + " 001000 0 1 0 ----- " + o0 + " ----- nnnnn ttttt", "ld" + a + "xr" + sfx + " {d}, [{n:x}]",
                        (f, i) -> exclusiveAccess(f, i, ExclusiveExec.LDXR, sz, ordered, false));
                t.add("ST" + l.toUpperCase(Locale.ROOT) + "XR" + sfx.toUpperCase(Locale.ROOT) + "_" + size,
                        s + " 001000 0 0 0 sssss " + o0 + " ----- nnnnn ttttt",
                        "st" + l + "xr" + sfx + " {m:w}, {d}, [{n:x}]",
                        (f, i) -> exclusiveAccess(f, i, ExclusiveExec.STXR, sz, ordered, true));
                if (size >= 2) {
                    t.add("LD" + a.toUpperCase(Locale.ROOT) + "XP_" + size,
                            s + " 001000 0 1 1 ----- " + o0 + " uuuuu nnnnn ttttt",
                            "ld" + a + "xp {d}, {t2}, [{n:x}]",
                            (f, i) -> exclusiveAccess(f, i, ExclusiveExec.LDXP, sz, ordered, false));
                    t.add("ST" + l.toUpperCase(Locale.ROOT) + "XP_" + size,
                            s + " 001000 0 0 1 sssss " + o0 + " uuuuu nnnnn ttttt",
                            "st" + l + "xp {m:w}, {d}, {t2}, [{n:x}]",
                            (f, i) -> exclusiveAccess(f, i, ExclusiveExec.STXP, sz, ordered, true));
                }
            }
        }
    }

    /**
     * Exclusive access of element size 1 << size: rd = Rt, rt2 = Rt2 (pairs), rm = Rs (the status register of the
     * stores), shift = acquire (bit 0) / release (bit 1), size = bytes of the whole access.
     */
    private static boolean exclusiveAccess(Fields f, Insn i, int op, int size, boolean ordered, boolean store) {
        boolean pair = op == ExclusiveExec.LDXP || op == ExclusiveExec.STXP;
        i.op = op;
        i.is64 = size == 3;
        i.size = (1 << size) * (pair ? 2 : 1);
        i.rn = Reg.sp(f.u('n'));
        i.shift = ordered ? (store ? ExclusiveExec.RELEASE : ExclusiveExec.ACQUIRE) : 0;
        if (store) {
            i.rd = Reg.src(f.u('t'));
            i.rt2 = f.has('u') ? Reg.src(f.u('u')) : Reg.ZR;
            i.rm = Reg.dst(f.u('s'));
        } else {
            i.rd = Reg.dst(f.u('t'));
            i.rt2 = f.has('u') ? Reg.dst(f.u('u')) : Reg.SINK;
        }
        return true;
    }

    // ------------------------------------------------------------------ load-acquire / store-release

    /**
     * o2 = 1, o1 = 0: STLLR/STLR (L = 0), LDLAR/LDAR (L = 1). The LORegion forms (FEAT_LOR, o0 = 0) order only
     * within a LORegion, which user mode never configures: they behave as LDAR/STLR. LDAPR (FEAT_LRCPC) and the
     * unscaled LDAPUR/STLUR (FEAT_LRCPC2) are the same accesses for a single core.
     */
    private static void ordered(EncodingTable t) {
        for (int size = 0; size < 4; size++) {
            int sz = size;
            String s = bin(size, 2);
            String sfx = SIZE_SUFFIX[size];
            String up = sfx.toUpperCase(Locale.ROOT);
            t.add("STLLR" + up + "_" + size, s + " 001000 1 0 0 ----- 0 ----- nnnnn ttttt", "stllr" + sfx + " {d}, [{n:x}]",
                    (f, i) -> orderedAccess(f, i, ExclusiveExec.STLR, sz, 0));
            t.add("STLR" + up + "_" + size, s + " 001000 1 0 0 ----- 1 ----- nnnnn ttttt", "stlr" + sfx + " {d}, [{n:x}]",
                    (f, i) -> orderedAccess(f, i, ExclusiveExec.STLR, sz, 0));
            t.add("LDLAR" + up + "_" + size, s + " 001000 1 1 0 ----- 0 ----- nnnnn ttttt", "ldlar" + sfx + " {d}, [{n:x}]",
                    (f, i) -> orderedAccess(f, i, ExclusiveExec.LDAR, sz, 0));
            t.add("LDAR" + up + "_" + size, s + " 001000 1 1 0 ----- 1 ----- nnnnn ttttt", "ldar" + sfx + " {d}, [{n:x}]",
                    (f, i) -> orderedAccess(f, i, ExclusiveExec.LDAR, sz, 0));
            t.add("LDAPR" + up + "_" + size, s + " 111 0 00 1 0 1 11111 1100 00 nnnnn ttttt",
                    "ldapr" + sfx + " {d}, [{n:x}]", (f, i) -> orderedAccess(f, i, ExclusiveExec.LDAR, sz, 0));
        }
        // FEAT_LRCPC2: size 011001 opc 0 imm9 00 Rn Rt; opc 00 STLUR, 01 LDAPUR, 10 LDAPURS to 64, 11 to 32 bits.
        for (Single s : SINGLES) {
            int op = s.kind == 0 ? ExclusiveExec.STLR : s.kind == 1 ? ExclusiveExec.LDAR : ExclusiveExec.LDARS;
            String mn = s.kind == 0 ? "stlur" : "ldapur" + (s.kind == 2 ? "s" : "");
            mn += s.kind == 2 && s.size == 2 ? "w" : SIZE_SUFFIX[s.size];
            String bits = bin(s.size, 2) + " 011001 " + bin(s.opc, 2) + " 0 ";
            t.add(mn.toUpperCase(Locale.ROOT) + "0", bits + "000000000 00 nnnnn ttttt", mn + " {d}, [{n:x}]",
                    (f, i) -> orderedAccess(f, i, op, s.size, 0) && regWidth(i, s));
            t.add(mn.toUpperCase(Locale.ROOT), bits + "iiiiiiiii 00 nnnnn ttttt", mn + " {d}, [{n:x}, #{imm:d}]",
                    (f, i) -> orderedAccess(f, i, op, s.size, f.s('i')) && regWidth(i, s));
        }
    }

    private static boolean regWidth(Insn i, Single s) {
        i.is64 = s.x;
        return true;
    }

    /** rd = Rt, size in bytes, imm = offset; LDAR* acquire, STLR* release. */
    private static boolean orderedAccess(Fields f, Insn i, int op, int size, long offset) {
        boolean store = op == ExclusiveExec.STLR;
        i.op = op;
        i.is64 = size == 3;
        i.size = 1 << size;
        i.imm = offset;
        i.rn = Reg.sp(f.u('n'));
        i.rd = store ? Reg.src(f.u('t')) : Reg.dst(f.u('t'));
        i.shift = store ? ExclusiveExec.RELEASE : ExclusiveExec.ACQUIRE;
        return true;
    }

    // ------------------------------------------------------------------ LSE atomics

    private static final String[] ATOMIC_OPS = {"add", "clr", "eor", "set", "smax", "smin", "umax", "umin"};

    /**
     * FEAT_LSE: size 111 0 00 A R 1 Rs o3 opc 00 Rn Rt (LD&lt;op&gt;, SWP; ST&lt;op&gt; is LD&lt;op&gt; with A = 0 and
     * Rt = XZR), CAS (size 001000 1 L 1 Rs o0 11111 Rn Rt) and CASP (0 sz 001000 0 L 1 Rs o0 11111 Rn Rt).
     */
    private static void atomics(EncodingTable t) {
        for (int size = 0; size < 4; size++) {
            int sz = size;
            String s = bin(size, 2);
            String sfx = SIZE_SUFFIX[size];
            for (int ar = 0; ar < 4; ar++) {
                boolean acquire = (ar & 2) != 0;
                boolean release = (ar & 1) != 0;
                String order = (acquire ? "a" : "") + (release ? "l" : "");
                String arBits = (acquire ? "1" : "0") + " " + (release ? "1" : "0");
                for (int opc = 0; opc < 8; opc++) {
                    int op = AtomicExec.LDADD + opc;
                    String mn = "ld" + ATOMIC_OPS[opc] + order + sfx;
                    if (!acquire) {
                        String st = "st" + ATOMIC_OPS[opc] + order + sfx;
                        t.add(st.toUpperCase(Locale.ROOT), s + " 111 0 00 " + arBits + " 1 sssss 0 " + bin(opc, 3)
                                + " 00 nnnnn 11111", st + " {m}, [{n:x}]",
                                (f, i) -> atomic(f, i, op, sz, acquire, release));
                    }
                    t.add(mn.toUpperCase(Locale.ROOT), s + " 111 0 00 " + arBits + " 1 sssss 0 " + bin(opc, 3)
                            + " 00 nnnnn ttttt", mn + " {m}, {d}, [{n:x}]",
                            (f, i) -> atomic(f, i, op, sz, acquire, release));
                }
                String swp = "swp" + order + sfx;
                t.add(swp.toUpperCase(Locale.ROOT), s + " 111 0 00 " + arBits + " 1 sssss 1 000 00 nnnnn ttttt",
                        swp + " {m}, {d}, [{n:x}]", (f, i) -> atomic(f, i, AtomicExec.SWP, sz, acquire, release));
                String cas = "cas" + order + sfx;
                t.add(cas.toUpperCase(Locale.ROOT), s + " 001000 1 " + (acquire ? "1" : "0") + " 1 sssss "
                        + (release ? "1" : "0") + " 11111 nnnnn ttttt", cas + " {m}, {t2}, [{n:x}]",
                        (f, i) -> atomic(f, i, AtomicExec.CAS, sz, acquire, release));
                if (size < 2) {
                    String casp = "casp" + order;
                    t.add(casp.toUpperCase(Locale.ROOT) + "_" + size, "0" + size + " 001000 0 " + (acquire ? "1" : "0")
                            + " 1 sssss " + (release ? "1" : "0") + " 11111 nnnnn ttttt",
                            casp + " {m}, {a}, {d}, {t2}, [{n:x}]",
                            (f, i) -> compareAndSwapPair(f, i, sz, acquire, release));
                }
            }
        }
    }

    /** rd = Rt (old value out), rm = Rs (operand), size in bytes, shift = acquire/release bits. */
    private static boolean atomic(Fields f, Insn i, int op, int size, boolean acquire, boolean release) {
        i.op = op;
        i.is64 = size == 3;
        i.size = 1 << size;
        i.rn = Reg.sp(f.u('n'));
        i.rm = Reg.src(f.u('s'));
        i.rd = f.has('t') ? Reg.dst(f.u('t')) : Reg.SINK;
        i.shift = (acquire ? ExclusiveExec.ACQUIRE : 0) | (release ? ExclusiveExec.RELEASE : 0);
        if (op == AtomicExec.CAS) {
            // CAS reads Rs (compare value) through ra and writes it (old value) through rm; reads Rt (new value).
            i.ra = i.rm;
            i.rm = Reg.dst(f.u('s'));
            i.rt2 = Reg.src(f.u('t'));
            i.rd = Reg.SINK;
        }
        return true;
    }

    /**
     * CASP Rs, R(s+1), Rt, R(t+1): Rs and Rt must be even (odd is unallocated). ra/rt2 are the second registers;
     * the compare registers are read through rm/ra and written through (the write views of) the same numbers.
     */
    private static boolean compareAndSwapPair(Fields f, Insn i, int sz, boolean acquire, boolean release) {
        int rs = f.u('s');
        int rt = f.u('t');
        if ((rs & 1) != 0 || (rt & 1) != 0) {
            return false;
        }
        i.op = AtomicExec.CASP;
        i.is64 = sz == 1;
        i.size = 8 << sz;
        i.rn = Reg.sp(f.u('n'));
        i.rm = rs; // Xs, X(s+1): never 31 (even numbers up to 30, and 30 + 1 = 31 is the zero register)
        i.ra = rs + 1;
        i.rd = rt;
        i.rt2 = rt + 1;
        i.shift = (acquire ? ExclusiveExec.ACQUIRE : 0) | (release ? ExclusiveExec.RELEASE : 0);
        return true;
    }

    // ------------------------------------------------------------------ recognised, not implemented

    private static void unimplemented(EncodingTable t) {
        // FEAT_PAuth: LDRAA, LDRAB.
        t.unimplemented("LDRA", "11 111 0 00 m s 1 iiiiiiiii w 1 nnnnn ttttt");
        // FEAT_MTE: STG, STZG, ST2G, STZ2G (post, offset, pre), LDG, and STGM, STZGM, LDGM (no offset).
        t.unimplemented("MTE_tags", "11011001 oo 1 iiiiiiiii 01 nnnnn ttttt");
        t.unimplemented("MTE_tags", "11011001 oo 1 iiiiiiiii 1m nnnnn ttttt");
        t.unimplemented("MTE_LDG", "11011001 01 1 iiiiiiiii 00 nnnnn ttttt");
        t.unimplemented("MTE_tags_multiple", "11011001 oo 1 000000000 00 nnnnn ttttt");
        // FEAT_LS64: LD64B, ST64B, ST64BV, ST64BV0.
        t.unimplemented("LD64B", "11 111 0 00 0 0 1 11111 1101 00 nnnnn ttttt");
        t.unimplemented("ST64B", "11 111 0 00 0 0 1 11111 1001 00 nnnnn ttttt");
        t.unimplemented("ST64BV", "11 111 0 00 0 0 1 sssss 1011 00 nnnnn ttttt");
        t.unimplemented("ST64BV0", "11 111 0 00 0 0 1 sssss 1010 00 nnnnn ttttt");
        // FEAT_MOPS: CPY*, SET*.
        t.unimplemented("MOPS_CPY", "00 011 o 01 000 sssss oooo 01 nnnnn ddddd");
        t.unimplemented("MOPS_CPY", "00 011 o 01 010 sssss oooo 01 nnnnn ddddd");
        t.unimplemented("MOPS_CPY", "00 011 o 01 100 sssss oooo 01 nnnnn ddddd");
        t.unimplemented("MOPS_SET", "00 011 o 01 110 sssss oooo 01 nnnnn ddddd");
        // Later atomic memory operations (FEAT_THE, FEAT_LSE128 ...) in the o3 = 1 space.
        t.unimplemented("ATOMIC_other", "zz 111 0 00 a r 1 sssss 1 ooo 00 nnnnn ttttt");
    }

    static String bin(int v, int width) {
        StringBuilder sb = new StringBuilder();
        for (int b = width - 1; b >= 0; b--) {
            sb.append((v >>> b) & 1);
        }
        return sb.toString();
    }
}
