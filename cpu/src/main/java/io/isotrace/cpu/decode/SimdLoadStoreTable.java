package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.SimdMemExec;

/**
 * SIMD&amp;FP loads and stores: the V = 1 half of the Arm ARM "Loads and Stores" group (C4.1.94) — single
 * registers B/H/S/D/Q in every addressing mode, literals, pairs, and the Advanced SIMD structure loads/stores
 * (LD1-LD4, ST1-ST4, LD1R-LD4R, multiple and single structures, with and without post-index). Operand layout is
 * described in {@link SimdMemExec}.
 */
final class SimdLoadStoreTable {
    private SimdLoadStoreTable() {
    }

    static void register(EncodingTable t) {
        registers(t);
        pairs(t);
        structures(t);
    }

    /** Load/store register: size:opc<1> select B, H, S, D or Q; opc<0> is L. */
    private static void registers(EncodingTable t) {
        t.add("STR_v_uimm", "ss 111 1 01 o0 iiiiiiiiiiii nnnnn ttttt", "str {fd}, {addr}",
                (f, i) -> single(f, i, false, SimdMemExec.OFFSET, f.u('i'), true));
        t.add("LDR_v_uimm", "ss 111 1 01 o1 iiiiiiiiiiii nnnnn ttttt", "ldr {fd}, {addr}",
                (f, i) -> single(f, i, true, SimdMemExec.OFFSET, f.u('i'), true));
        t.add("STUR_v", "ss 111 1 00 o0 0 iiiiiiiii 00 nnnnn ttttt", "stur {fd}, {addr}",
                (f, i) -> single(f, i, false, SimdMemExec.OFFSET, f.s('i'), false));
        t.add("LDUR_v", "ss 111 1 00 o1 0 iiiiiiiii 00 nnnnn ttttt", "ldur {fd}, {addr}",
                (f, i) -> single(f, i, true, SimdMemExec.OFFSET, f.s('i'), false));
        t.add("STR_v_post", "ss 111 1 00 o0 0 iiiiiiiii 01 nnnnn ttttt", "str {fd}, {addr}",
                (f, i) -> single(f, i, false, SimdMemExec.POST, f.s('i'), false));
        t.add("LDR_v_post", "ss 111 1 00 o1 0 iiiiiiiii 01 nnnnn ttttt", "ldr {fd}, {addr}",
                (f, i) -> single(f, i, true, SimdMemExec.POST, f.s('i'), false));
        t.add("STR_v_pre", "ss 111 1 00 o0 0 iiiiiiiii 11 nnnnn ttttt", "str {fd}, {addr}",
                (f, i) -> single(f, i, false, SimdMemExec.PRE, f.s('i'), false));
        t.add("LDR_v_pre", "ss 111 1 00 o1 0 iiiiiiiii 11 nnnnn ttttt", "ldr {fd}, {addr}",
                (f, i) -> single(f, i, true, SimdMemExec.PRE, f.s('i'), false));
        // Register offset: option<1> must be 1 (UXTW, LSL, SXTW, SXTX); S scales the index by the access size.
        t.add("STR_v_reg", "ss 111 1 00 o0 1 mmmmm xxx S 10 nnnnn ttttt", "str {fd}, {addr}",
                (f, i) -> registerOffset(f, i, false));
        t.add("LDR_v_reg", "ss 111 1 00 o1 1 mmmmm xxx S 10 nnnnn ttttt", "ldr {fd}, {addr}",
                (f, i) -> registerOffset(f, i, true));
        // Literal: opc 00 S, 01 D, 10 Q. The address is known at decode: base ZR (reads 0) plus the target.
        t.add("LDR_v_lit", "oo 011 1 00 iiiiiiiiiiiiiiiiiii ttttt", "ldr {fd}, {target}", (f, i) -> {
            int opc = f.u('o');
            if (opc == 3) {
                return false;
            }
            i.size = opc + 2;
            i.op = i.size == 4 ? SimdMemExec.LDR_Q : SimdMemExec.LDR;
            i.rd = f.u('t');
            i.rn = Reg.ZR;
            i.imm = i.pc + (f.s('i') << 2);
            i.opt = SimdMemExec.OFFSET;
            return true;
        });
    }

    private static boolean single(Fields f, Insn i, boolean load, int mode, long offset, boolean scaled) {
        int size = f.u('s');
        int scale = (f.u('o') << 2) | size;
        if (scale > 4) {
            return false;
        }
        i.size = scale;
        i.rd = f.u('t');
        i.rn = Reg.sp(f.u('n'));
        i.opt = mode;
        i.imm = scaled ? offset << scale : offset;
        i.op = load ? (scale == 4 ? SimdMemExec.LDR_Q : SimdMemExec.LDR)
                : (scale == 4 ? SimdMemExec.STR_Q : SimdMemExec.STR);
        return true;
    }

    private static boolean registerOffset(Fields f, Insn i, boolean load) {
        int option = f.u('x');
        if ((option & 2) == 0 || !single(f, i, load, SimdMemExec.REG, 0, false)) {
            return false;
        }
        i.rm = Reg.src(f.u('m'));
        i.shift = option;
        i.amount = f.b('S') ? i.size : 0;
        i.cond = f.u('S');
        return true;
    }

    /** Pairs: opc 00 S, 01 D, 10 Q; imm7 scaled by the register size. */
    private static void pairs(EncodingTable t) {
        t.add("STNP_v", "oo 101 1 000 0 iiiiiii uuuuu nnnnn ttttt", "stnp {fd}, {ft2}, {addr}",
                (f, i) -> pair(f, i, false, SimdMemExec.OFFSET));
        t.add("LDNP_v", "oo 101 1 000 1 iiiiiii uuuuu nnnnn ttttt", "ldnp {fd}, {ft2}, {addr}",
                (f, i) -> pair(f, i, true, SimdMemExec.OFFSET));
        t.add("STP_v_post", "oo 101 1 001 0 iiiiiii uuuuu nnnnn ttttt", "stp {fd}, {ft2}, {addr}",
                (f, i) -> pair(f, i, false, SimdMemExec.POST));
        t.add("LDP_v_post", "oo 101 1 001 1 iiiiiii uuuuu nnnnn ttttt", "ldp {fd}, {ft2}, {addr}",
                (f, i) -> pair(f, i, true, SimdMemExec.POST));
        t.add("STP_v", "oo 101 1 010 0 iiiiiii uuuuu nnnnn ttttt", "stp {fd}, {ft2}, {addr}",
                (f, i) -> pair(f, i, false, SimdMemExec.OFFSET));
        t.add("LDP_v", "oo 101 1 010 1 iiiiiii uuuuu nnnnn ttttt", "ldp {fd}, {ft2}, {addr}",
                (f, i) -> pair(f, i, true, SimdMemExec.OFFSET));
        t.add("STP_v_pre", "oo 101 1 011 0 iiiiiii uuuuu nnnnn ttttt", "stp {fd}, {ft2}, {addr}",
                (f, i) -> pair(f, i, false, SimdMemExec.PRE));
        t.add("LDP_v_pre", "oo 101 1 011 1 iiiiiii uuuuu nnnnn ttttt", "ldp {fd}, {ft2}, {addr}",
                (f, i) -> pair(f, i, true, SimdMemExec.PRE));
    }

    private static boolean pair(Fields f, Insn i, boolean load, int mode) {
        int opc = f.u('o');
        if (opc == 3) {
            return false;
        }
        int scale = opc + 2;
        i.size = scale;
        i.rd = f.u('t');
        i.rt2 = f.u('u');
        i.rn = Reg.sp(f.u('n'));
        i.opt = mode;
        i.imm = f.s('i') << scale;
        i.op = load ? (scale == 4 ? SimdMemExec.LDP_Q : SimdMemExec.LDP)
                : (scale == 4 ? SimdMemExec.STP_Q : SimdMemExec.STP);
        return true;
    }

    /** Structure loads/stores, Arm ARM "Advanced SIMD load/store multiple/single structure(s)". */
    private static void structures(EncodingTable t) {
        t.add("ST_mult", "0 Q 001100 0 0 000000 oooo ss nnnnn ttttt", "st{amount} {vlist}, {addr}",
                (f, i) -> multiple(f, i, false, false));
        t.add("LD_mult", "0 Q 001100 0 1 000000 oooo ss nnnnn ttttt", "ld{amount} {vlist}, {addr}",
                (f, i) -> multiple(f, i, true, false));
        t.add("ST_mult_post", "0 Q 001100 1 0 0 mmmmm oooo ss nnnnn ttttt", "st{amount} {vlist}, {addr}",
                (f, i) -> multiple(f, i, false, true));
        t.add("LD_mult_post", "0 Q 001100 1 1 0 mmmmm oooo ss nnnnn ttttt", "ld{amount} {vlist}, {addr}",
                (f, i) -> multiple(f, i, true, true));
        t.add("ST_single", "0 Q 001101 0 0 R 00000 ooo S ss nnnnn ttttt", "st{amount} {elist}, {addr}",
                (f, i) -> singleStructure(f, i, false, false));
        t.add("LD_single", "0 Q 001101 0 1 R 00000 ooo S ss nnnnn ttttt", "ld{amount} {elist}, {addr}",
                (f, i) -> singleStructure(f, i, true, false));
        t.add("ST_single_post", "0 Q 001101 1 0 R mmmmm ooo S ss nnnnn ttttt", "st{amount} {elist}, {addr}",
                (f, i) -> singleStructure(f, i, false, true));
        t.add("LD_single_post", "0 Q 001101 1 1 R mmmmm ooo S ss nnnnn ttttt", "ld{amount} {elist}, {addr}",
                (f, i) -> singleStructure(f, i, true, true));
        // Replicating forms (opcode 11x, S = 0) are more specific, so they are tried before LD_single.
        t.add("LD_repl", "0 Q 001101 0 1 R 00000 11 o 0 ss nnnnn ttttt", "ld{amount}r {vlist}, {addr}",
                (f, i) -> replicate(f, i, false));
        t.add("LD_repl_post", "0 Q 001101 1 1 R mmmmm 11 o 0 ss nnnnn ttttt", "ld{amount}r {vlist}, {addr}",
                (f, i) -> replicate(f, i, true));
    }

    /** opcode -> registers and structure elements (selem): LD4, LD1x4, LD3, LD1x3, LD1x1, LD2, LD1x2. */
    private static boolean multiple(Fields f, Insn i, boolean load, boolean post) {
        int regs;
        int selem;
        switch (f.u('o')) {
            case 0b0000:
                regs = 4;
                selem = 4;
                break;
            case 0b0010:
                regs = 4;
                selem = 1;
                break;
            case 0b0100:
                regs = 3;
                selem = 3;
                break;
            case 0b0110:
                regs = 3;
                selem = 1;
                break;
            case 0b0111:
                regs = 1;
                selem = 1;
                break;
            case 0b1000:
                regs = 2;
                selem = 2;
                break;
            case 0b1010:
                regs = 2;
                selem = 1;
                break;
            default:
                return false;
        }
        boolean q = f.b('Q');
        if (f.u('s') == 3 && !q && selem != 1) {
            return false;
        }
        i.is64 = q;
        i.size = f.u('s');
        i.rd = f.u('t');
        i.cond = regs;
        i.amount = selem;
        if (selem == 1) {
            i.op = load ? SimdMemExec.LD1 : SimdMemExec.ST1;
        } else {
            i.op = load ? SimdMemExec.LDN : SimdMemExec.STN;
        }
        return base(f, i, post, regs * (q ? 16 : 8));
    }

    /**
     * Single structure: opcode<2:1> is the element size class, opcode<0>:R + 1 the number of elements, and Q:S:size
     * the lane index (Arm ARM "LD1 (single structure)" decode).
     */
    private static boolean singleStructure(Fields f, Insn i, boolean load, boolean post) {
        int opcode = f.u('o');
        int size = f.u('s');
        int s = f.u('S');
        int q = f.u('Q');
        int selem = (((opcode & 1) << 1) | f.u('R')) + 1;
        int scale = opcode >> 1;
        int index;
        switch (scale) {
            case 0:
                index = (q << 3) | (s << 2) | size;
                break;
            case 1:
                if ((size & 1) != 0) {
                    return false;
                }
                index = (q << 2) | (s << 1) | (size >> 1);
                break;
            case 2:
                if ((size & 2) != 0) {
                    return false;
                }
                if ((size & 1) == 0) {
                    index = (q << 1) | s;
                } else {
                    if (s != 0) {
                        return false;
                    }
                    index = q;
                    scale = 3;
                }
                break;
            default:
                return false; // replicate forms have their own rows; with L = 0 or S = 1 they are unallocated
        }
        i.size = scale;
        i.imm2 = index;
        i.rd = f.u('t');
        i.amount = selem;
        i.cond = selem;
        i.is64 = q == 1;
        i.op = load ? SimdMemExec.LD_LANE : SimdMemExec.ST_LANE;
        return base(f, i, post, selem << scale);
    }

    private static boolean replicate(Fields f, Insn i, boolean post) {
        int selem = ((f.u('o') << 1) | f.u('R')) + 1;
        i.size = f.u('s');
        i.rd = f.u('t');
        i.amount = selem;
        i.cond = selem;
        i.is64 = f.b('Q');
        i.op = SimdMemExec.LD_REPL;
        return base(f, i, post, selem << i.size);
    }

    /** Base register and post-index: Rm = 31 means "by the transfer size", else by register Rm. */
    private static boolean base(Fields f, Insn i, boolean post, int transferBytes) {
        i.rn = Reg.sp(f.u('n'));
        if (!post) {
            i.opt = SimdMemExec.OFFSET;
        } else if (f.u('m') == 31) {
            i.opt = SimdMemExec.POST;
            i.imm = transferBytes;
        } else {
            i.opt = SimdMemExec.POST_REG;
            i.rm = Reg.src(f.u('m'));
        }
        return true;
    }
}
