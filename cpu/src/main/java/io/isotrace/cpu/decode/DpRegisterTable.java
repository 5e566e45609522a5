package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.IntRegExec;

/**
 * Data processing - register (Arm ARM C4.1.95): logical and add/subtract with shifted or extended register,
 * add/subtract with carry, conditional compare and select, and the 1-, 2- and 3-source operations.
 *
 * <p>Alias rows (MOV, CMP, NEG, CSET, MUL ...) come before the row they are an alias of and match more fixed bits
 * or decline the word when the alias condition does not hold, so disassembly shows what
 * {@code aarch64-linux-gnu-objdump -d} shows. Several aliases decode to a dedicated, cheaper operation (MOV register,
 * MUL, CSET) with the same architectural effect.
 */
final class DpRegisterTable {
    private DpRegisterTable() {
    }

    static void register(EncodingTable t) {
        logicalShifted(t);
        addSubShifted(t);
        addSubExtended(t);
        addSubCarry(t);
        flagManipulation(t);
        conditionalCompare(t);
        conditionalSelect(t);
        oneSource(t);
        twoSource(t);
        threeSource(t);
    }

    // ------------------------------------------------------------------ logical (shifted register)

    /** sf opc 01010 shift N Rm imm6 Rn Rd; opc:N selects the operation. */
    private static void logicalShifted(EncodingTable t) {
        // MOV (register) is ORR with the zero register and no shift: the commonest instruction of all.
        t.add("MOV_reg", "z01 01010 00 0 mmmmm 000000 11111 ddddd", "mov {d}, {m}", (f, i) -> {
            i.op = IntRegExec.MOV_REG;
            i.is64 = (f.word() < 0);
            i.rd = Reg.dst(f.u('d'));
            i.rm = Reg.src(f.u('m'));
            return true;
        });
        t.add("MVN", "z01 01010 hh 1 mmmmm iiiiii 11111 ddddd", "mvn {d}, {m}{shift}",
                (f, i) -> logical(f, i, IntRegExec.ORN));
        t.add("TST_reg", "z11 01010 hh 0 mmmmm iiiiii nnnnn 11111", "tst {n}, {m}{shift}",
                (f, i) -> logical(f, i, IntRegExec.ANDS));
        String[][] ops = {
            {"AND_reg", "00", "0", "and"}, {"BIC_reg", "00", "1", "bic"},
            {"ORR_reg", "01", "0", "orr"}, {"ORN_reg", "01", "1", "orn"},
            {"EOR_reg", "10", "0", "eor"}, {"EON_reg", "10", "1", "eon"},
            {"ANDS_reg", "11", "0", "ands"}, {"BICS_reg", "11", "1", "bics"},
        };
        int[] opcodes = {IntRegExec.AND, IntRegExec.BIC, IntRegExec.ORR, IntRegExec.ORN, IntRegExec.EOR,
            IntRegExec.EON, IntRegExec.ANDS, IntRegExec.BICS};
        for (int k = 0; k < ops.length; k++) {
            int op = opcodes[k];
            t.add(ops[k][0], "z" + ops[k][1] + " 01010 hh " + ops[k][2] + " mmmmm iiiiii nnnnn ddddd",
                    ops[k][3] + " {d}, {n}, {m}{shift}", (f, i) -> logical(f, i, op));
        }
    }

    private static boolean logical(Fields f, Insn i, int op) {
        boolean sf = (f.word() < 0);
        int amount = f.u('i');
        if (!sf && amount >= 32) {
            return false;
        }
        i.op = op;
        i.is64 = sf;
        i.setFlags = op == IntRegExec.ANDS || op == IntRegExec.BICS;
        i.rd = f.has('d') ? Reg.dst(f.u('d')) : Reg.SINK;
        i.rn = f.has('n') ? Reg.src(f.u('n')) : Reg.ZR;
        i.rm = Reg.src(f.u('m'));
        i.shift = f.u('h');
        i.amount = amount;
        return true;
    }

    // ------------------------------------------------------------------ add/subtract (shifted register)

    /** sf op S 01011 shift 0 Rm imm6 Rn Rd. Register 31 is the zero register throughout. */
    private static void addSubShifted(EncodingTable t) {
        t.add("CMP_reg", "z11 01011 hh 0 mmmmm iiiiii nnnnn 11111", "cmp {n}, {m}{shift}",
                (f, i) -> addSubShift(f, i, IntRegExec.SUBS_SR));
        t.add("CMN_reg", "z01 01011 hh 0 mmmmm iiiiii nnnnn 11111", "cmn {n}, {m}{shift}",
                (f, i) -> addSubShift(f, i, IntRegExec.ADDS_SR));
        t.add("NEG", "z10 01011 hh 0 mmmmm iiiiii 11111 ddddd", "neg {d}, {m}{shift}",
                (f, i) -> addSubShift(f, i, IntRegExec.SUB_SR));
        t.add("NEGS", "z11 01011 hh 0 mmmmm iiiiii 11111 ddddd", "negs {d}, {m}{shift}",
                (f, i) -> addSubShift(f, i, IntRegExec.SUBS_SR));
        t.add("ADD_sreg", "z00 01011 hh 0 mmmmm iiiiii nnnnn ddddd", "add {d}, {n}, {m}{shift}",
                (f, i) -> addSubShift(f, i, IntRegExec.ADD_SR));
        t.add("ADDS_sreg", "z01 01011 hh 0 mmmmm iiiiii nnnnn ddddd", "adds {d}, {n}, {m}{shift}",
                (f, i) -> addSubShift(f, i, IntRegExec.ADDS_SR));
        t.add("SUB_sreg", "z10 01011 hh 0 mmmmm iiiiii nnnnn ddddd", "sub {d}, {n}, {m}{shift}",
                (f, i) -> addSubShift(f, i, IntRegExec.SUB_SR));
        t.add("SUBS_sreg", "z11 01011 hh 0 mmmmm iiiiii nnnnn ddddd", "subs {d}, {n}, {m}{shift}",
                (f, i) -> addSubShift(f, i, IntRegExec.SUBS_SR));
    }

    private static boolean addSubShift(Fields f, Insn i, int op) {
        boolean sf = (f.word() < 0);
        int shift = f.u('h');
        int amount = f.u('i');
        if (shift == 3 || (!sf && amount >= 32)) {
            return false; // ROR is reserved here
        }
        i.is64 = sf;
        i.setFlags = op == IntRegExec.ADDS_SR || op == IntRegExec.SUBS_SR;
        i.rd = f.has('d') ? Reg.dst(f.u('d')) : Reg.SINK;
        i.rn = f.has('n') ? Reg.src(f.u('n')) : Reg.ZR;
        i.rm = Reg.src(f.u('m'));
        i.shift = shift;
        i.amount = amount;
        // An unshifted operand (any shift type by 0) takes the cheaper operation.
        if (amount == 0) {
            op = op == IntRegExec.ADD_SR ? IntRegExec.ADD_RR : op == IntRegExec.SUB_SR ? IntRegExec.SUB_RR
                    : op == IntRegExec.SUBS_SR ? IntRegExec.SUBS_RR : op;
        }
        i.op = op;
        return true;
    }

    // ------------------------------------------------------------------ add/subtract (extended register)

    /**
     * sf op S 01011 00 1 Rm option imm3 Rn Rd. Rn (and Rd of the non-flag-setting forms) is SP when 31. The
     * preferred disassembly writes {@code lsl} for UXTX (UXTW at 32 bits) when Rd or Rn is SP, and names Rm as an
     * X register only for the 64-bit UXTX/SXTX options.
     */
    private static void addSubExtended(EncodingTable t) {
        String[][] ops = {{"ADD", "00", "add", ""}, {"ADDS", "01", "adds", "cmn"}, {"SUB", "10", "sub", ""},
            {"SUBS", "11", "subs", "cmp"}};
        int[] opcodes = {IntRegExec.ADD_ER, IntRegExec.ADDS_ER, IntRegExec.SUB_ER, IntRegExec.SUBS_ER};
        for (int k = 0; k < ops.length; k++) {
            int op = opcodes[k];
            String name = ops[k][0];
            String bits = ops[k][1];
            String mn = ops[k][2];
            boolean flags = bits.charAt(1) == '1';
            if (flags) {
                String alias = ops[k][3];
                String aliasName = alias.toUpperCase(java.util.Locale.ROOT) + "_ext";
                t.add(aliasName + "_lsl", "z" + bits + " 01011 00 1 mmmmm ppp iii nnnnn 11111",
                        alias + " {n}, {m}{shift}", (f, i) -> extended(f, i, op, true));
                t.add(aliasName + "_x", "1" + bits + " 01011 00 1 mmmmm p11 iii nnnnn 11111",
                        alias + " {n}, {m:x}{ext}", (f, i) -> extended(f, i, op, false));
                t.add(aliasName, "z" + bits + " 01011 00 1 mmmmm ppp iii nnnnn 11111",
                        alias + " {n}, {m:w}{ext}", (f, i) -> extended(f, i, op, false));
            }
            t.add(name + "_ext_lsl", "z" + bits + " 01011 00 1 mmmmm ppp iii nnnnn ddddd",
                    mn + " {d}, {n}, {m}{shift}", (f, i) -> extended(f, i, op, true));
            t.add(name + "_ext_x", "1" + bits + " 01011 00 1 mmmmm p11 iii nnnnn ddddd",
                    mn + " {d}, {n}, {m:x}{ext}", (f, i) -> extended(f, i, op, false));
            t.add(name + "_ext", "z" + bits + " 01011 00 1 mmmmm ppp iii nnnnn ddddd",
                    mn + " {d}, {n}, {m:w}{ext}", (f, i) -> extended(f, i, op, false));
        }
    }

    /**
     * @param lslForm true for the row printed as LSL: it accepts only the words whose preferred disassembly that is
     */
    private static boolean extended(Fields f, Insn i, int op, boolean lslForm) {
        boolean sf = f.word() < 0;
        int option = (f.word() >>> 13) & 7; // whole option field: the X rows fix its low bits
        int amount = f.u('i');
        if (amount > 4) {
            return false;
        }
        boolean setFlags = op == IntRegExec.ADDS_ER || op == IntRegExec.SUBS_ER;
        int rd = f.has('d') ? f.u('d') : 31;
        int rn = f.u('n');
        boolean spInvolved = rn == 31 || (!setFlags && rd == 31);
        boolean isLsl = spInvolved && option == (sf ? 3 : 2);
        if (lslForm != isLsl) {
            return false;
        }
        i.op = op;
        i.is64 = sf;
        i.setFlags = setFlags;
        i.rd = setFlags ? Reg.dst(rd) : Reg.sp(rd);
        i.rn = Reg.sp(rn);
        i.rm = Reg.src(f.u('m'));
        i.opt = option;
        // Disassembly: {ext} prints the extend from shift; the LSL form prints {shift} with shift type LSL.
        i.shift = lslForm ? 0 : option;
        i.amount = amount;
        return true;
    }

    // ------------------------------------------------------------------ add/subtract with carry

    /** sf op S 11010000 Rm 000000 Rn Rd. */
    private static void addSubCarry(EncodingTable t) {
        t.add("NGC", "z10 11010000 mmmmm 000000 11111 ddddd", "ngc {d}, {m}", (f, i) -> carry(f, i, IntRegExec.SBC));
        t.add("NGCS", "z11 11010000 mmmmm 000000 11111 ddddd", "ngcs {d}, {m}",
                (f, i) -> carry(f, i, IntRegExec.SBCS));
        t.add("ADC", "z00 11010000 mmmmm 000000 nnnnn ddddd", "adc {d}, {n}, {m}",
                (f, i) -> carry(f, i, IntRegExec.ADC));
        t.add("ADCS", "z01 11010000 mmmmm 000000 nnnnn ddddd", "adcs {d}, {n}, {m}",
                (f, i) -> carry(f, i, IntRegExec.ADCS));
        t.add("SBC", "z10 11010000 mmmmm 000000 nnnnn ddddd", "sbc {d}, {n}, {m}",
                (f, i) -> carry(f, i, IntRegExec.SBC));
        t.add("SBCS", "z11 11010000 mmmmm 000000 nnnnn ddddd", "sbcs {d}, {n}, {m}",
                (f, i) -> carry(f, i, IntRegExec.SBCS));
    }

    private static boolean carry(Fields f, Insn i, int op) {
        i.op = op;
        i.is64 = (f.word() < 0);
        i.setFlags = op == IntRegExec.ADCS || op == IntRegExec.SBCS;
        i.rd = Reg.dst(f.u('d'));
        i.rn = Reg.src(f.has('n') ? f.u('n') : 31);
        i.rm = Reg.src(f.u('m'));
        return true;
    }

    /** FEAT_FlagM (ARMv8.4): not part of the ARMv8.0 reference. */
    private static void flagManipulation(EncodingTable t) {
        t.unimplemented("RMIF", "101 11010000 iiiiii 00001 nnnnn 0 mmmm");
        t.unimplemented("SETF8", "001 11010000 000000 0 0010 nnnnn 0 1101");
        t.unimplemented("SETF16", "001 11010000 000000 1 0010 nnnnn 0 1101");
    }

    // ------------------------------------------------------------------ conditional compare

    /** sf op 1 11010010 Rm|imm5 cond o(1=imm) 0 Rn 0 nzcv. */
    private static void conditionalCompare(EncodingTable t) {
        t.add("CCMN_reg", "z01 11010010 mmmmm cccc 0 0 nnnnn 0 ffff", "ccmn {n}, {m}, #{imm:x}, {cond}",
                (f, i) -> condCompare(f, i, IntRegExec.CCMN_REG));
        t.add("CCMP_reg", "z11 11010010 mmmmm cccc 0 0 nnnnn 0 ffff", "ccmp {n}, {m}, #{imm:x}, {cond}",
                (f, i) -> condCompare(f, i, IntRegExec.CCMP_REG));
        t.add("CCMN_imm", "z01 11010010 iiiii cccc 1 0 nnnnn 0 ffff", "ccmn {n}, #{imm2:x}, #{imm:x}, {cond}",
                (f, i) -> condCompare(f, i, IntRegExec.CCMN_IMM));
        t.add("CCMP_imm", "z11 11010010 iiiii cccc 1 0 nnnnn 0 ffff", "ccmp {n}, #{imm2:x}, #{imm:x}, {cond}",
                (f, i) -> condCompare(f, i, IntRegExec.CCMP_IMM));
    }

    /** imm = the nzcv operand (flags when the condition fails); imm2 = the immediate operand; opt = nzcv << 28. */
    private static boolean condCompare(Fields f, Insn i, int op) {
        i.op = op;
        i.is64 = (f.word() < 0);
        i.rn = Reg.src(f.u('n'));
        if (f.has('m')) {
            i.rm = Reg.src(f.u('m'));
        } else {
            i.imm2 = f.u('i');
        }
        i.cond = f.u('c');
        i.imm = f.u('f');
        i.opt = f.u('f') << 28;
        return true;
    }

    // ------------------------------------------------------------------ conditional select

    /** sf op 0 11010100 Rm cond 0 o2 Rn Rd: op:o2 00 CSEL, 01 CSINC, 10 CSINV, 11 CSNEG. */
    private static void conditionalSelect(EncodingTable t) {
        // Aliases with the inverted condition. Each decodes to an operation that tests the alias's condition.
        t.add("CSET", "z00 11010100 11111 cccc 0 1 11111 ddddd", "cset {d}, {cond}",
                (f, i) -> condAlias(f, i, IntRegExec.CSET, false));
        t.add("CSETM", "z10 11010100 11111 cccc 0 0 11111 ddddd", "csetm {d}, {cond}",
                (f, i) -> condAlias(f, i, IntRegExec.CSETM, false));
        t.add("CINC", "z00 11010100 mmmmm cccc 0 1 nnnnn ddddd", "cinc {d}, {n}, {cond}",
                (f, i) -> condAlias(f, i, IntRegExec.CINC, true));
        t.add("CINV", "z10 11010100 mmmmm cccc 0 0 nnnnn ddddd", "cinv {d}, {n}, {cond}",
                (f, i) -> condAlias(f, i, IntRegExec.CINV, true));
        t.add("CNEG", "z10 11010100 mmmmm cccc 0 1 nnnnn ddddd", "cneg {d}, {n}, {cond}",
                (f, i) -> condAlias(f, i, IntRegExec.CNEG, true));
        t.add("CSEL", "z00 11010100 mmmmm cccc 0 0 nnnnn ddddd", "csel {d}, {n}, {m}, {cond}",
                (f, i) -> condSelect(f, i, IntRegExec.CSEL));
        t.add("CSINC", "z00 11010100 mmmmm cccc 0 1 nnnnn ddddd", "csinc {d}, {n}, {m}, {cond}",
                (f, i) -> condSelect(f, i, IntRegExec.CSINC));
        t.add("CSINV", "z10 11010100 mmmmm cccc 0 0 nnnnn ddddd", "csinv {d}, {n}, {m}, {cond}",
                (f, i) -> condSelect(f, i, IntRegExec.CSINV));
        t.add("CSNEG", "z10 11010100 mmmmm cccc 0 1 nnnnn ddddd", "csneg {d}, {n}, {m}, {cond}",
                (f, i) -> condSelect(f, i, IntRegExec.CSNEG));
    }

    private static boolean condSelect(Fields f, Insn i, int op) {
        i.op = op;
        i.is64 = (f.word() < 0);
        i.rd = Reg.dst(f.u('d'));
        i.rn = Reg.src(f.u('n'));
        i.rm = Reg.src(f.u('m'));
        i.cond = f.u('c');
        return true;
    }

    /**
     * CSET/CSETM/CINC/CINV/CNEG: valid when the condition is not AL/NV (and, for the forms with a source, Rn == Rm
     * and Rn is not the zero register, else the plain form is preferred). The alias's condition is the inverse.
     */
    private static boolean condAlias(Fields f, Insn i, int op, boolean withSource) {
        int cond = f.u('c');
        if ((cond >>> 1) == 7) {
            return false;
        }
        if (withSource && (f.u('n') != f.u('m') || f.u('n') == 31)) {
            return false;
        }
        i.op = op;
        i.is64 = (f.word() < 0);
        i.rd = Reg.dst(f.u('d'));
        i.rn = withSource ? Reg.src(f.u('n')) : Reg.ZR;
        i.rm = i.rn;
        i.cond = cond ^ 1;
        return true;
    }

    // ------------------------------------------------------------------ data processing (1 source)

    /** sf 1 S 11010110 opcode2 opcode Rn Rd. */
    private static void oneSource(EncodingTable t) {
        t.add("RBIT", "z10 11010110 00000 000000 nnnnn ddddd", "rbit {d}, {n}", (f, i) -> unary(f, i, IntRegExec.RBIT));
        t.add("REV16", "z10 11010110 00000 000001 nnnnn ddddd", "rev16 {d}, {n}",
                (f, i) -> unary(f, i, IntRegExec.REV16));
        // opcode 000010 is REV (32-bit) at sf=0 and REV32 at sf=1; 000011 is REV (64-bit), sf=1 only.
        t.add("REV_w", "010 11010110 00000 000010 nnnnn ddddd", "rev {d}, {n}", (f, i) -> unary(f, i, IntRegExec.REV));
        t.add("REV32", "110 11010110 00000 000010 nnnnn ddddd", "rev32 {d}, {n}",
                (f, i) -> unary(f, i, IntRegExec.REV32));
        t.add("REV_x", "110 11010110 00000 000011 nnnnn ddddd", "rev {d}, {n}", (f, i) -> unary(f, i, IntRegExec.REV));
        t.add("CLZ", "z10 11010110 00000 000100 nnnnn ddddd", "clz {d}, {n}", (f, i) -> unary(f, i, IntRegExec.CLZ));
        t.add("CLS", "z10 11010110 00000 000101 nnnnn ddddd", "cls {d}, {n}", (f, i) -> unary(f, i, IntRegExec.CLS));
        // FEAT_CSSC (ARMv8.9) and FEAT_PAuth (ARMv8.3).
        t.unimplemented("CTZ", "z10 11010110 00000 000110 nnnnn ddddd");
        t.unimplemented("CNT", "z10 11010110 00000 000111 nnnnn ddddd");
        t.unimplemented("ABS", "z10 11010110 00000 001000 nnnnn ddddd");
        t.unimplemented("PAC_AUT", "110 11010110 00001 00-ooo nnnnn ddddd");
        t.unimplemented("XPAC", "110 11010110 00001 01000- 11111 ddddd");
    }

    private static boolean unary(Fields f, Insn i, int op) {
        i.op = op;
        i.is64 = f.word() < 0;
        i.rd = Reg.dst(f.u('d'));
        i.rn = Reg.src(f.u('n'));
        return true;
    }

    // ------------------------------------------------------------------ data processing (2 source)

    /** sf 0 S 11010110 Rm opcode Rn Rd. */
    private static void twoSource(EncodingTable t) {
        t.add("UDIV", "z00 11010110 mmmmm 000010 nnnnn ddddd", "udiv {d}, {n}, {m}",
                (f, i) -> binary(f, i, IntRegExec.UDIV));
        t.add("SDIV", "z00 11010110 mmmmm 000011 nnnnn ddddd", "sdiv {d}, {n}, {m}",
                (f, i) -> binary(f, i, IntRegExec.SDIV));
        t.add("LSLV", "z00 11010110 mmmmm 001000 nnnnn ddddd", "lsl {d}, {n}, {m}",
                (f, i) -> binary(f, i, IntRegExec.LSLV));
        t.add("LSRV", "z00 11010110 mmmmm 001001 nnnnn ddddd", "lsr {d}, {n}, {m}",
                (f, i) -> binary(f, i, IntRegExec.LSRV));
        t.add("ASRV", "z00 11010110 mmmmm 001010 nnnnn ddddd", "asr {d}, {n}, {m}",
                (f, i) -> binary(f, i, IntRegExec.ASRV));
        t.add("RORV", "z00 11010110 mmmmm 001011 nnnnn ddddd", "ror {d}, {n}, {m}",
                (f, i) -> binary(f, i, IntRegExec.RORV));
        // CRC32 (FEAT_CRC32): sz 00 B, 01 H, 10 W need sf=0, 11 X needs sf=1; C selects the Castagnoli polynomial.
        String[] sizes = {"b", "h", "w", "x"};
        for (int sz = 0; sz < 4; sz++) {
            int bytes = 1 << sz;
            String sf = sz == 3 ? "1" : "0";
            String bits = sz == 0 ? "00" : sz == 1 ? "01" : sz == 2 ? "10" : "11";
            String m = sz == 3 ? "{m:x}" : "{m:w}";
            t.add("CRC32" + sizes[sz].toUpperCase(java.util.Locale.ROOT), sf + "00 11010110 mmmmm 0100" + bits
                    + " nnnnn ddddd", "crc32" + sizes[sz] + " {d:w}, {n:w}, " + m,
                    (f, i) -> crc(f, i, IntRegExec.CRC32, bytes));
            t.add("CRC32C" + sizes[sz].toUpperCase(java.util.Locale.ROOT), sf + "00 11010110 mmmmm 0101" + bits
                    + " nnnnn ddddd", "crc32c" + sizes[sz] + " {d:w}, {n:w}, " + m,
                    (f, i) -> crc(f, i, IntRegExec.CRC32C, bytes));
        }
        // FEAT_MTE, FEAT_PAuth, FEAT_CSSC.
        t.unimplemented("SUBP", "100 11010110 mmmmm 000000 nnnnn ddddd");
        t.unimplemented("SUBPS", "101 11010110 mmmmm 000000 nnnnn ddddd");
        t.unimplemented("IRG", "100 11010110 mmmmm 000100 nnnnn ddddd");
        t.unimplemented("GMI", "100 11010110 mmmmm 000101 nnnnn ddddd");
        t.unimplemented("PACGA", "100 11010110 mmmmm 001100 nnnnn ddddd");
        t.unimplemented("MAXMIN_reg", "z00 11010110 mmmmm 0110oo nnnnn ddddd");
    }

    private static boolean binary(Fields f, Insn i, int op) {
        i.op = op;
        i.is64 = (f.word() < 0);
        i.rd = Reg.dst(f.u('d'));
        i.rn = Reg.src(f.u('n'));
        i.rm = Reg.src(f.u('m'));
        return true;
    }

    private static boolean crc(Fields f, Insn i, int op, int bytes) {
        binary(f, i, op);
        i.size = bytes;
        return true;
    }

    // ------------------------------------------------------------------ data processing (3 source)

    /** sf op54 11011 op31 Rm o0 Ra Rn Rd. */
    private static void threeSource(EncodingTable t) {
        t.add("MUL", "z00 11011 000 mmmmm 0 11111 nnnnn ddddd", "mul {d}, {n}, {m}",
                (f, i) -> multiply(f, i, IntRegExec.MUL));
        t.add("MNEG", "z00 11011 000 mmmmm 1 11111 nnnnn ddddd", "mneg {d}, {n}, {m}",
                (f, i) -> multiply(f, i, IntRegExec.MSUB));
        t.add("MADD", "z00 11011 000 mmmmm 0 aaaaa nnnnn ddddd", "madd {d}, {n}, {m}, {a}",
                (f, i) -> multiply(f, i, IntRegExec.MADD));
        t.add("MSUB", "z00 11011 000 mmmmm 1 aaaaa nnnnn ddddd", "msub {d}, {n}, {m}, {a}",
                (f, i) -> multiply(f, i, IntRegExec.MSUB));
        t.add("SMULL", "100 11011 001 mmmmm 0 11111 nnnnn ddddd", "smull {d:x}, {n:w}, {m:w}",
                (f, i) -> multiply(f, i, IntRegExec.SMADDL));
        t.add("SMNEGL", "100 11011 001 mmmmm 1 11111 nnnnn ddddd", "smnegl {d:x}, {n:w}, {m:w}",
                (f, i) -> multiply(f, i, IntRegExec.SMSUBL));
        t.add("SMADDL", "100 11011 001 mmmmm 0 aaaaa nnnnn ddddd", "smaddl {d:x}, {n:w}, {m:w}, {a:x}",
                (f, i) -> multiply(f, i, IntRegExec.SMADDL));
        t.add("SMSUBL", "100 11011 001 mmmmm 1 aaaaa nnnnn ddddd", "smsubl {d:x}, {n:w}, {m:w}, {a:x}",
                (f, i) -> multiply(f, i, IntRegExec.SMSUBL));
        t.add("SMULH", "100 11011 010 mmmmm 0 ----- nnnnn ddddd", "smulh {d}, {n}, {m}",
                (f, i) -> multiply(f, i, IntRegExec.SMULH));
        t.add("UMULL", "100 11011 101 mmmmm 0 11111 nnnnn ddddd", "umull {d:x}, {n:w}, {m:w}",
                (f, i) -> multiply(f, i, IntRegExec.UMADDL));
        t.add("UMNEGL", "100 11011 101 mmmmm 1 11111 nnnnn ddddd", "umnegl {d:x}, {n:w}, {m:w}",
                (f, i) -> multiply(f, i, IntRegExec.UMSUBL));
        t.add("UMADDL", "100 11011 101 mmmmm 0 aaaaa nnnnn ddddd", "umaddl {d:x}, {n:w}, {m:w}, {a:x}",
                (f, i) -> multiply(f, i, IntRegExec.UMADDL));
        t.add("UMSUBL", "100 11011 101 mmmmm 1 aaaaa nnnnn ddddd", "umsubl {d:x}, {n:w}, {m:w}, {a:x}",
                (f, i) -> multiply(f, i, IntRegExec.UMSUBL));
        t.add("UMULH", "100 11011 110 mmmmm 0 ----- nnnnn ddddd", "umulh {d}, {n}, {m}",
                (f, i) -> multiply(f, i, IntRegExec.UMULH));
    }

    private static boolean multiply(Fields f, Insn i, int op) {
        i.op = op;
        i.is64 = f.word() < 0;
        i.rd = Reg.dst(f.u('d'));
        i.rn = Reg.src(f.u('n'));
        i.rm = Reg.src(f.u('m'));
        i.ra = Reg.src(f.has('a') ? f.u('a') : 31);
        return true;
    }
}
