package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.MemExec;

/**
 * Loads and stores of general registers (Arm ARM C4.1.94). Each addressing form decodes to the same few
 * operations, with the mode in {@code opt} ({@link MemExec#OFFSET}, {@link MemExec#PRE}, {@link MemExec#POST})
 * and the byte offset in {@code imm}.
 */
final class LoadStoreTable {
    private LoadStoreTable() {
    }

    static void register(EncodingTable t) {
        // size 111 V=0 01 opc imm12 Rn Rt: unsigned, scaled offset.
        t.add("LDST_uimm", "ss 111 0 01 oo iiiiiiiiiiii nnnnn ttttt", "{opt} {d}, [{n:x}, #{imm}]",
                (f, i) -> single(f, i, MemExec.OFFSET, (long) f.u('i') << f.u('s')));
        // Unscaled (LDUR/STUR), post-index, pre-index: imm9 signed, bits 11:10 select.
        t.add("LDST_unscaled", "ss 111 0 00 oo 0 iiiiiiiii 00 nnnnn ttttt", "{opt} {d}, [{n:x}, #{imm}]",
                (f, i) -> single(f, i, MemExec.OFFSET, f.s('i')));
        t.add("LDST_post", "ss 111 0 00 oo 0 iiiiiiiii 01 nnnnn ttttt", "{opt} {d}, [{n:x}], #{imm}",
                (f, i) -> single(f, i, MemExec.POST, f.s('i')));
        t.add("LDST_pre", "ss 111 0 00 oo 0 iiiiiiiii 11 nnnnn ttttt", "{opt} {d}, [{n:x}, #{imm}]!",
                (f, i) -> single(f, i, MemExec.PRE, f.s('i')));

        // Pairs: opc 101 V=0 mode(24:23) L imm7 Rt2 Rn Rt. mode 01 post, 10 offset, 11 pre, 00 no-allocate offset.
        t.add("LDSTP_post", "oo 101 0 001 L iiiiiii uuuuu nnnnn ttttt", "{opt} {d}, {t2}, [{n:x}], #{imm}",
                (f, i) -> pair(f, i, MemExec.POST));
        t.add("LDSTP_off", "oo 101 0 010 L iiiiiii uuuuu nnnnn ttttt", "{opt} {d}, {t2}, [{n:x}, #{imm}]",
                (f, i) -> pair(f, i, MemExec.OFFSET));
        t.add("LDSTP_pre", "oo 101 0 011 L iiiiiii uuuuu nnnnn ttttt", "{opt} {d}, {t2}, [{n:x}, #{imm}]!",
                (f, i) -> pair(f, i, MemExec.PRE));
        t.add("LDSTNP", "oo 101 0 000 L iiiiiii uuuuu nnnnn ttttt", "{opt} {d}, {t2}, [{n:x}, #{imm}]",
                (f, i) -> pair(f, i, MemExec.OFFSET));
    }

    /**
     * One register: size (bytes = 1 << size) and opc decide the operation (Arm ARM "Load/store register"
     * tables): opc 00 store, 01 load zero-extended, 10 load sign-extended to 64 bits, 11 sign-extended to 32.
     */
    private static boolean single(Fields f, Insn i, int mode, long offset) {
        int size = f.u('s');
        int opc = f.u('o');
        i.size = 1 << size;
        i.rn = Reg.sp(f.u('n'));
        i.imm = offset;
        i.opt = mode;
        switch (opc) {
            case 0:
                i.op = MemExec.STR;
                i.rd = Reg.src(f.u('t'));
                i.is64 = size == 3;
                break;
            case 1:
                i.op = MemExec.LDR;
                i.rd = Reg.dst(f.u('t'));
                i.is64 = size == 3;
                break;
            case 2:
                if (size == 3) {
                    // PRFM (unsigned offset) / PRFUM: a hint; prefetches make no architectural access.
                    if (mode == MemExec.OFFSET) {
                        i.op = MemExec.PRFM;
                        return true;
                    }
                    return false;
                }
                i.op = MemExec.LDRS;
                i.rd = Reg.dst(f.u('t'));
                i.is64 = true;
                break;
            default:
                if (size >= 2) {
                    return false;
                }
                i.op = MemExec.LDRS;
                i.rd = Reg.dst(f.u('t'));
                i.is64 = false;
        }
        return true;
    }

    /** opc 00: 32-bit pair, 01: LDPSW (load only), 10: 64-bit pair, 11: unallocated. */
    private static boolean pair(Fields f, Insn i, int mode) {
        int opc = f.u('o');
        boolean load = f.b('L');
        if (opc == 3 || (opc == 1 && !load)) {
            return false;
        }
        int scale = opc == 2 ? 3 : 2;
        i.size = 1 << scale;
        i.is64 = opc == 2;
        i.imm = f.s('i') << scale;
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
}
