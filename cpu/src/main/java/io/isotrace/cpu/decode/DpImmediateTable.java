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
        // Shifted forms (sh = 1) print the unshifted imm12 and "lsl #12", as objdump does.
        t.add("MOV_sp", "z00 100010 0 000000000000 nnnnn ddddd", "mov {d}, {n}", (f, i) -> {
            if (f.u('d') != 31 && f.u('n') != 31) {
                return false;
            }
            return addSubImm(f, i, IntExec.ADD_IMM, false);
        });
        String[][] compare = {{"CMN_imm", "z01", "cmn"}, {"CMP_imm", "z11", "cmp"}};
        int[] compareOps = {IntExec.ADDS_IMM, IntExec.SUBS_IMM};
        for (int k = 0; k < compare.length; k++) {
            int op = compareOps[k];
            String[] r = compare[k];
            t.add(r[0], r[1] + " 100010 0 iiiiiiiiiiii nnnnn 11111", r[2] + " {n}, #{imm:x}",
                    (f, i) -> addSubImm(f, i, op, true));
            t.add(r[0] + "_lsl12", r[1] + " 100010 1 iiiiiiiiiiii nnnnn 11111", r[2] + " {n}, #{imm2:x}, lsl #12",
                    (f, i) -> addSubImm(f, i, op, true));
        }
        String[][] addSub = {{"ADD_imm", "z00", "add", "0"}, {"ADDS_imm", "z01", "adds", "1"},
            {"SUB_imm", "z10", "sub", "0"}, {"SUBS_imm", "z11", "subs", "1"}};
        int[] addSubOps = {IntExec.ADD_IMM, IntExec.ADDS_IMM, IntExec.SUB_IMM, IntExec.SUBS_IMM};
        for (int k = 0; k < addSub.length; k++) {
            int op = addSubOps[k];
            boolean flags = addSub[k][3].equals("1");
            t.add(addSub[k][0], addSub[k][1] + " 100010 0 iiiiiiiiiiii nnnnn ddddd", addSub[k][2] + " {d}, {n}, #{imm:x}",
                    (f, i) -> addSubImm(f, i, op, flags));
            t.add(addSub[k][0] + "_lsl12", addSub[k][1] + " 100010 1 iiiiiiiiiiii nnnnn ddddd",
                    addSub[k][2] + " {d}, {n}, #{imm2:x}, lsl #12", (f, i) -> addSubImm(f, i, op, flags));
        }
        t.unimplemented("ADDG", "100 100011 0 iiiiii 00 tttt nnnnn ddddd");
        t.unimplemented("SUBG", "110 100011 0 iiiiii 00 tttt nnnnn ddddd");
        // FEAT_CSSC (ARMv8.9) min/max (immediate).
        t.unimplemented("MAXMIN_imm", "z00 1000111 oooo iiiiiiii nnnnn ddddd");

        // Logical (immediate): opc 00 AND, 01 ORR, 10 EOR, 11 ANDS. ORR with the zero register is a move.
        t.add("MOV_bitmask", "z01 100100 N rrrrrr ssssss 11111 ddddd", "mov {d}, #{imm:x}", (f, i) -> {
            if (moveWidePreferred(f.b('z'), f.u('N'), f.u('s'), f.u('r')) || !logicalImm(f, i, IntExec.ORR_IMM, false)) {
                return false;
            }
            mov(i, f.u('d'), i.imm, i.is64);
            i.rd = Reg.sp(f.u('d')); // ORR (immediate) writes SP, not the zero register
            return true;
        });
        t.add("TST_imm", "z11 100100 N rrrrrr ssssss nnnnn 11111", "tst {n}, #{imm:x}",
                (f, i) -> logicalImm(f, i, IntExec.ANDS_IMM, true));
        t.add("AND_imm", "z00 100100 N rrrrrr ssssss nnnnn ddddd", "and {d}, {n}, #{imm:x}",
                (f, i) -> logicalImm(f, i, IntExec.AND_IMM, false));
        t.add("ORR_imm", "z01 100100 N rrrrrr ssssss nnnnn ddddd", "orr {d}, {n}, #{imm:x}",
                (f, i) -> logicalImm(f, i, IntExec.ORR_IMM, false));
        t.add("EOR_imm", "z10 100100 N rrrrrr ssssss nnnnn ddddd", "eor {d}, {n}, #{imm:x}",
                (f, i) -> logicalImm(f, i, IntExec.EOR_IMM, false));
        t.add("ANDS_imm", "z11 100100 N rrrrrr ssssss nnnnn ddddd", "ands {d}, {n}, #{imm:x}",
                (f, i) -> logicalImm(f, i, IntExec.ANDS_IMM, true));

        // Move wide: opc 00 MOVN, 10 MOVZ, 11 MOVK (01 unallocated). MOVZ/MOVN print as MOV of the value unless
        // the halfword is zero and shifted (then only the long form says which register half is meant).
        t.add("MOV_movn", "z00 100101 hh iiiiiiiiiiiiiiii ddddd", "mov {d}, #{imm:x}", (f, i) -> {
            if ((f.u('i') == 0 && f.u('h') != 0) || (!f.b('z') && f.u('i') == 0xFFFF)) {
                return false;
            }
            return moveWide(f, i, 0);
        });
        t.add("MOV_movz", "z10 100101 hh iiiiiiiiiiiiiiii ddddd", "mov {d}, #{imm:x}", (f, i) -> {
            if (f.u('i') == 0 && f.u('h') != 0) {
                return false;
            }
            return moveWide(f, i, 2);
        });
        t.add("MOVN", "z00 100101 hh iiiiiiiiiiiiiiii ddddd", "movn {d}, #{imm2:x}, lsl #{amount}",
                (f, i) -> moveWide(f, i, 0));
        t.add("MOVZ", "z10 100101 hh iiiiiiiiiiiiiiii ddddd", "movz {d}, #{imm2:x}, lsl #{amount}",
                (f, i) -> moveWide(f, i, 2));
        t.add("MOVK_0", "z11 100101 00 iiiiiiiiiiiiiiii ddddd", "movk {d}, #{imm:x}", (f, i) -> moveWide(f, i, 3));
        t.add("MOVK", "z11 100101 hh iiiiiiiiiiiiiiii ddddd", "movk {d}, #{imm:x}, lsl #{amount}",
                (f, i) -> moveWide(f, i, 3));

        // Bitfield: opc 00 SBFM, 01 BFM, 10 UBFM. Every word has a preferred alias (Arm ARM: the alias conditions
        // of SBFM, BFM and UBFM partition the valid encodings), and each alias runs as a simpler operation.
        t.add("ASR_imm", "z00 100110 N rrrrrr ssssss nnnnn ddddd", "asr {d}, {n}, #{amount}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.ASR));
        t.add("SBFIZ", "z00 100110 N rrrrrr ssssss nnnnn ddddd", "sbfiz {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.SBFIZ));
        t.add("SXTB", "z00 100110 N rrrrrr ssssss nnnnn ddddd", "sxtb {d}, {n:w}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.SXTB));
        t.add("SXTH", "z00 100110 N rrrrrr ssssss nnnnn ddddd", "sxth {d}, {n:w}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.SXTH));
        t.add("SXTW", "100 100110 N rrrrrr ssssss nnnnn ddddd", "sxtw {d}, {n:w}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.SXTW));
        t.add("SBFX", "z00 100110 N rrrrrr ssssss nnnnn ddddd", "sbfx {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.SBFX));
        t.add("BFC", "z01 100110 N rrrrrr ssssss 11111 ddddd", "bfc {d}, #{amount}, #{opt}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.BFI));
        t.add("BFI", "z01 100110 N rrrrrr ssssss nnnnn ddddd", "bfi {d}, {n}, #{amount}, #{opt}",
                (f, i) -> f.u('n') != 31 && bitfieldAlias(f, i, Bitfield.BFI));
        t.add("BFXIL", "z01 100110 N rrrrrr ssssss nnnnn ddddd", "bfxil {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.BFXIL));
        t.add("LSL_imm", "z10 100110 N rrrrrr ssssss nnnnn ddddd", "lsl {d}, {n}, #{amount}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.LSL));
        t.add("LSR_imm", "z10 100110 N rrrrrr ssssss nnnnn ddddd", "lsr {d}, {n}, #{amount}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.LSR));
        t.add("UBFIZ", "z10 100110 N rrrrrr ssssss nnnnn ddddd", "ubfiz {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.UBFIZ));
        t.add("UXTB", "010 100110 N rrrrrr ssssss nnnnn ddddd", "uxtb {d}, {n}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.UXTB));
        t.add("UXTH", "010 100110 N rrrrrr ssssss nnnnn ddddd", "uxth {d}, {n}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.UXTH));
        t.add("UBFX", "z10 100110 N rrrrrr ssssss nnnnn ddddd", "ubfx {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfieldAlias(f, i, Bitfield.UBFX));
        t.add("SBFM", "z00 100110 N rrrrrr ssssss nnnnn ddddd", "sbfm {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfield(f, i, IntExec.SBFM));
        t.add("BFM", "z01 100110 N rrrrrr ssssss nnnnn ddddd", "bfm {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfield(f, i, IntExec.BFM));
        t.add("UBFM", "z10 100110 N rrrrrr ssssss nnnnn ddddd", "ubfm {d}, {n}, #{amount}, #{opt}",
                (f, i) -> bitfield(f, i, IntExec.UBFM));

        t.add("ROR_imm", "z00 100111 N 0 mmmmm ssssss nnnnn ddddd", "ror {d}, {n}, #{amount}",
                (f, i) -> f.u('n') == f.u('m') && extr(f, i));
        t.add("EXTR", "z00 100111 N 0 mmmmm ssssss nnnnn ddddd", "extr {d}, {n}, {m}, #{amount}",
                DpImmediateTable::extr);
    }

    private static boolean extr(Fields f, Insn i) {
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
    }

    private static boolean mov(Insn i, int rd, long value) {
        return mov(i, rd, value, true);
    }

    /** Any move of a value known at decode time (ADR, ADRP, MOVZ, MOVN, ORR with the zero register). */
    private static boolean mov(Insn i, int rd, long value, boolean is64) {
        i.op = IntExec.MOV_IMM;
        i.is64 = is64;
        i.rd = Reg.dst(rd);
        i.imm = value;
        return true;
    }

    /** imm = the (shifted) immediate operand; imm2 = imm12 as written, for the disassembly of shifted forms. */
    private static boolean addSubImm(Fields f, Insn i, int op, boolean setFlags) {
        int rd = f.has('d') ? f.u('d') : 31;
        i.op = op;
        i.is64 = f.word() < 0;
        i.setFlags = setFlags;
        i.rd = setFlags ? Reg.dst(rd) : Reg.sp(rd);
        i.rn = Reg.sp(f.u('n'));
        int imm12 = f.has('i') ? f.u('i') : 0;
        i.imm2 = imm12;
        i.imm = (long) imm12 << ((f.word() >>> 22) & 1) * 12;
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
        int rd = f.has('d') ? f.u('d') : 31;
        i.op = op;
        i.is64 = sf;
        i.setFlags = setFlags;
        i.rd = setFlags ? Reg.dst(rd) : Reg.sp(rd);
        i.rn = Reg.src(f.has('n') ? f.u('n') : 31);
        i.imm = mask;
        return true;
    }

    /**
     * Arm ARM MoveWidePreferred: true when MOVZ or MOVN can make the bitmask immediate, in which case
     * {@code mov} means the move-wide form and ORR is shown as itself.
     */
    static boolean moveWidePreferred(boolean sf, int n, int imms, int immr) {
        int width = sf ? 64 : 32;
        if (sf && n != 1) {
            return false;
        }
        if (!sf && (n != 0 || (imms & 0x20) != 0)) {
            return false;
        }
        if (imms < 16) {
            return Math.floorMod(-immr, 16) <= 15 - imms;
        }
        if (imms >= width - 15) {
            return immr % 16 <= imms - (width - 15);
        }
        return false;
    }

    /**
     * MOVN/MOVZ become a move of the final value (imm2 keeps imm16 for the long-form disassembly); MOVK keeps
     * imm16 in imm, its shift in amount and the mask of the halfwords it keeps in imm2.
     */
    private static boolean moveWide(Fields f, Insn i, int opc) {
        boolean sf = f.b('z');
        int hw = f.has('h') ? f.u('h') : 0;
        if (!sf && hw >= 2) {
            return false;
        }
        i.is64 = sf;
        i.rd = Reg.dst(f.u('d'));
        i.ra = Reg.src(f.u('d'));
        i.amount = hw * 16;
        if (opc == 3) {
            i.op = IntExec.MOVK;
            i.imm = f.u('i');
            i.imm2 = ~(0xFFFFL << i.amount);
            return true;
        }
        long imm = (long) f.u('i') << i.amount;
        i.op = IntExec.MOV_IMM;
        i.imm2 = f.u('i');
        long v = opc == 0 ? ~imm : imm;
        i.imm = sf ? v : v & 0xFFFF_FFFFL;
        return true;
    }

    /** The preferred aliases of SBFM, BFM and UBFM (Arm ARM C6.2, the alias conditions of each). */
    private enum Bitfield { ASR, SBFIZ, SXTB, SXTH, SXTW, SBFX, BFI, BFXIL, LSL, LSR, UBFIZ, UXTB, UXTH, UBFX }

    /**
     * Decodes SBFM/BFM/UBFM as {@code alias} when that is the word's preferred disassembly, into an operation
     * with operands in the alias's terms: amount = shift or lsb, opt = width, imm = the field mask.
     */
    private static boolean bitfieldAlias(Fields f, Insn i, Bitfield alias) {
        boolean sf = f.word() < 0;
        int immr = f.u('r');
        int imms = f.u('s');
        int size = sf ? 64 : 32;
        if (sf != f.b('N') || (!sf && (immr >= 32 || imms >= 32))) {
            return false;
        }
        boolean unsigned = alias.compareTo(Bitfield.LSL) >= 0;
        boolean applies;
        switch (alias) {
            case ASR:
            case LSR:
                applies = imms == size - 1;
                break;
            case LSL:
                applies = imms != size - 1 && imms + 1 == immr;
                break;
            case SBFIZ:
            case UBFIZ:
            case BFI:
                applies = imms < immr;
                break;
            case BFXIL:
                applies = imms >= immr;
                break;
            case SXTB:
            case UXTB:
                applies = immr == 0 && imms == 7;
                break;
            case SXTH:
            case UXTH:
                applies = immr == 0 && imms == 15;
                break;
            case SXTW:
                applies = immr == 0 && imms == 31;
                break;
            default:
                applies = bfxPreferred(sf, unsigned, imms, immr);
        }
        if (!applies) {
            return false;
        }
        i.is64 = sf;
        i.rd = Reg.dst(f.u('d'));
        i.ra = Reg.src(f.u('d'));
        i.rn = Reg.src(f.has('n') ? f.u('n') : 31);
        int lsb;
        int width;
        if (imms < immr) { // insert forms: field of imms+1 bits placed at (-immr MOD size)
            lsb = Math.floorMod(-immr, size);
            width = imms + 1;
        } else { // extract forms: field at immr of imms-immr+1 bits
            lsb = immr;
            width = imms - immr + 1;
        }
        i.amount = lsb;
        i.opt = width;
        i.imm = width == 64 ? -1L : (1L << width) - 1;
        switch (alias) {
            case ASR:
                i.op = IntExec.ASR_IMM;
                break;
            case LSR:
                i.op = IntExec.LSR_IMM;
                break;
            case LSL:
                i.op = IntExec.LSL_IMM;
                i.amount = size - 1 - imms;
                break;
            case SBFIZ:
                i.op = IntExec.SBFIZ;
                break;
            case UBFIZ:
                i.op = IntExec.UBFIZ;
                break;
            case BFI:
                i.op = IntExec.BFI;
                break;
            case BFXIL:
                i.op = IntExec.BFXIL;
                break;
            case SXTB:
            case SXTH:
            case SXTW:
            case SBFX:
                i.op = IntExec.SBFX;
                break;
            default:
                i.op = IntExec.UBFX;
        }
        return true;
    }

    /** Arm ARM BFXPreferred: whether SBFX/UBFX is the preferred disassembly of SBFM/UBFM. */
    private static boolean bfxPreferred(boolean sf, boolean unsigned, int imms, int immr) {
        if (imms < immr || imms == (sf ? 63 : 31)) {
            return false;
        }
        if (immr == 0) {
            if (!sf && (imms == 7 || imms == 15)) {
                return false;
            }
            if (sf && !unsigned && (imms == 7 || imms == 15 || imms == 31)) {
                return false;
            }
        }
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
