package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.IntExec;

/**
 * Data processing - immediate (Arm ARM C4.1.92): PC-relative addressing, add/subtract, logical, move wide,
 * bitfield and extract. Patterns follow the Arm ARM encoding diagrams bit for bit.
 */
final class DpImmediateTable {
    private DpImmediateTable() {
    }

    static void register(EncodingTable t) {
        // PC-relative: the target is known at decode time, so both become "move immediate".
        t.add("ADR", "0ll10000 hhhhhhhhhhhhhhhhhhh ddddd", "adr {d:x}, {target}", (f, i) -> {
            long off = (f.s('h') << 2) | f.u('l');
            return mov(i, f.u('d'), i.pc + off);
        });
        t.add("ADRP", "1ll10000 hhhhhhhhhhhhhhhhhhh ddddd", "adrp {d:x}, {target}", (f, i) -> {
            long off = ((f.s('h') << 2) | f.u('l')) << 12;
            return mov(i, f.u('d'), (i.pc & ~0xFFFL) + off);
        });

        // Add/subtract (immediate). Rd is SP for the non-flag-setting forms, the zero register (CMP/CMN) otherwise.
        t.add("ADD_imm", "z00 100010 s iiiiiiiiiiii nnnnn ddddd", "add {d}, {n}, #{imm}",
                (f, i) -> addSubImm(f, i, IntExec.ADD_IMM, false));
        t.add("ADDS_imm", "z01 100010 s iiiiiiiiiiii nnnnn ddddd", "adds {d}, {n}, #{imm}",
                (f, i) -> addSubImm(f, i, IntExec.ADDS_IMM, true));
        t.add("SUB_imm", "z10 100010 s iiiiiiiiiiii nnnnn ddddd", "sub {d}, {n}, #{imm}",
                (f, i) -> addSubImm(f, i, IntExec.SUB_IMM, false));
        t.add("SUBS_imm", "z11 100010 s iiiiiiiiiiii nnnnn ddddd", "subs {d}, {n}, #{imm}",
                (f, i) -> addSubImm(f, i, IntExec.SUBS_IMM, true));
        t.unimplemented("ADDG", "100 100011 0 iiiiii 00 tttt nnnnn ddddd");
        t.unimplemented("SUBG", "110 100011 0 iiiiii 00 tttt nnnnn ddddd");

        // Logical (immediate): opc 00 AND, 01 ORR, 10 EOR, 11 ANDS.
        t.add("AND_imm", "z00 100100 N rrrrrr ssssss nnnnn ddddd", "and {d}, {n}, #{imm:x}",
                (f, i) -> logicalImm(f, i, IntExec.AND_IMM, false));
        t.add("ORR_imm", "z01 100100 N rrrrrr ssssss nnnnn ddddd", "orr {d}, {n}, #{imm:x}",
                (f, i) -> logicalImm(f, i, IntExec.ORR_IMM, false));
        t.add("EOR_imm", "z10 100100 N rrrrrr ssssss nnnnn ddddd", "eor {d}, {n}, #{imm:x}",
                (f, i) -> logicalImm(f, i, IntExec.EOR_IMM, false));
        t.add("ANDS_imm", "z11 100100 N rrrrrr ssssss nnnnn ddddd", "ands {d}, {n}, #{imm:x}",
                (f, i) -> logicalImm(f, i, IntExec.ANDS_IMM, true));

        // Move wide: opc 00 MOVN, 10 MOVZ, 11 MOVK (01 unallocated).
        t.add("MOVN", "z00 100101 hh iiiiiiiiiiiiiiii ddddd", "movn {d}, #{imm:x}", (f, i) -> moveWide(f, i, 0));
        t.add("MOVZ", "z10 100101 hh iiiiiiiiiiiiiiii ddddd", "movz {d}, #{imm:x}", (f, i) -> moveWide(f, i, 2));
        t.add("MOVK", "z11 100101 hh iiiiiiiiiiiiiiii ddddd", "movk {d}, #{imm:x}, lsl #{amount}",
                (f, i) -> moveWide(f, i, 3));

        // Bitfield: opc 00 SBFM, 01 BFM, 10 UBFM.
        t.add("SBFM", "z00 100110 N rrrrrr ssssss nnnnn ddddd", "sbfm {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfield(f, i, IntExec.SBFM));
        t.add("BFM", "z01 100110 N rrrrrr ssssss nnnnn ddddd", "bfm {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfield(f, i, IntExec.BFM));
        t.add("UBFM", "z10 100110 N rrrrrr ssssss nnnnn ddddd", "ubfm {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfield(f, i, IntExec.UBFM));

        t.add("EXTR", "z00 100111 N 0 mmmmm ssssss nnnnn ddddd", "extr {d}, {n}, {m}, #{amount}", (f, i) -> {
            boolean sf = f.b('z');
            if (sf != f.b('N') || (!sf && f.u('s') >= 32)) {
                return false;
            }
            i.op = IntExec.EXTR;
            i.is64 = sf;
            i.rd = Reg.dst(f.u('d'));
            i.rn = Reg.src(f.u('n'));
            i.rm = Reg.src(f.u('m'));
            i.amount = f.u('s');
            return true;
        });
    }

    private static boolean mov(Insn i, int rd, long value) {
        i.op = IntExec.MOV_IMM;
        i.is64 = true;
        i.rd = Reg.dst(rd);
        i.imm = value;
        return true;
    }

    private static boolean addSubImm(Fields f, Insn i, int op, boolean setFlags) {
        i.op = op;
        i.is64 = f.b('z');
        i.setFlags = setFlags;
        i.rd = setFlags ? Reg.dst(f.u('d')) : Reg.sp(f.u('d'));
        i.rn = Reg.sp(f.u('n'));
        i.imm = (long) f.u('i') << (f.b('s') ? 12 : 0);
        return true;
    }

    private static boolean logicalImm(Fields f, Insn i, int op, boolean setFlags) {
        boolean sf = f.b('z');
        if (!sf && f.b('N')) {
            return false;
        }
        long mask = BitMasks.logicalImmediate(f.u('N'), f.u('s'), f.u('r'), sf ? 64 : 32);
        if (mask == BitMasks.RESERVED) {
            return false;
        }
        i.op = op;
        i.is64 = sf;
        i.setFlags = setFlags;
        i.rd = setFlags ? Reg.dst(f.u('d')) : Reg.sp(f.u('d'));
        i.rn = Reg.src(f.u('n'));
        i.imm = mask;
        return true;
    }

    private static boolean moveWide(Fields f, Insn i, int opc) {
        boolean sf = f.b('z');
        int hw = f.u('h');
        if (!sf && hw >= 2) {
            return false;
        }
        i.is64 = sf;
        i.rd = Reg.dst(f.u('d'));
        i.ra = Reg.src(f.u('d'));
        i.amount = hw * 16;
        long imm = (long) f.u('i') << i.amount;
        if (opc == 3) {
            i.op = IntExec.MOVK;
            i.imm = imm;
            i.imm2 = ~(0xFFFFL << i.amount);
            return true;
        }
        i.op = IntExec.MOV_IMM;
        long v = opc == 0 ? ~imm : imm;
        i.imm = sf ? v : v & 0xFFFF_FFFFL;
        return true;
    }

    private static boolean bitfield(Fields f, Insn i, int op) {
        boolean sf = f.b('z');
        if (sf != f.b('N') || (!sf && (f.u('r') >= 32 || f.u('s') >= 32))) {
            return false;
        }
        long[] masks = BitMasks.bitfield(f.u('N'), f.u('s'), f.u('r'), sf ? 64 : 32);
        if (masks == null) {
            return false;
        }
        i.op = op;
        i.is64 = sf;
        i.rd = Reg.dst(f.u('d'));
        i.ra = Reg.src(f.u('d'));
        i.rn = Reg.src(f.u('n'));
        i.amount = f.u('r');
        i.opt = f.u('s');
        i.imm = masks[0];
        i.imm2 = masks[1];
        return true;
    }
}
