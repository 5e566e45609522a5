package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.BranchExec;
import io.isotrace.cpu.exec.SysExec;
import io.isotrace.cpu.sys.SystemRegister;

import static io.isotrace.cpu.decode.LoadStoreTable.bin;

/**
 * Branches, exception generating and system instructions (Arm ARM C4.1.93), as an EL0 program under Linux sees
 * them. Instructions that exist but are UNDEFINED at EL0 under Linux (EL1 system instructions and registers,
 * MSR DAIFSet with SCTLR_EL1.UMA clear, HVC, SMC ...) are rows that decode to {@link Ops#UNDEFINED}, so the table
 * says so and the disassembly still names them; the kernel raises SIGILL.
 */
final class BranchSystemTable {
    private BranchSystemTable() {
    }

    static void register(EncodingTable t) {
        branches(t);
        exceptions(t);
        hints(t);
        barriers(t);
        pstate(t);
        systemInstructions(t);
        systemRegisters(t);
        laterSystemRegisters(t);
    }

    private static void branches(EncodingTable t) {
        t.add("B", "000101 iiiiiiiiiiiiiiiiiiiiiiiiii", "b {target}", (f, i) -> branch(i, BranchExec.B, i.pc + (f.s('i') << 2)));
        t.add("BL", "100101 iiiiiiiiiiiiiiiiiiiiiiiiii", "bl {target}", (f, i) -> branch(i, BranchExec.BL, i.pc + (f.s('i') << 2)));
        t.add("B_cond", "01010100 iiiiiiiiiiiiiiiiiii 0 cccc", "b.{cond} {target}", (f, i) -> {
            i.cond = f.u('c');
            return branch(i, BranchExec.B_COND, i.pc + (f.s('i') << 2));
        });
        t.unimplemented("BC_cond", "01010100 iiiiiiiiiiiiiiiiiii 1 cccc");
        t.add("CBZ", "z0110100 iiiiiiiiiiiiiiiiiii ttttt", "cbz {n}, {target}", (f, i) -> compareBranch(f, i, BranchExec.CBZ));
        t.add("CBNZ", "z0110101 iiiiiiiiiiiiiiiiiii ttttt", "cbnz {n}, {target}", (f, i) -> compareBranch(f, i, BranchExec.CBNZ));
        t.add("TBZ", "b0110110 bbbbb iiiiiiiiiiiiii ttttt", "tbz {n}, #{amount}, {target}", (f, i) -> testBranch(f, i, BranchExec.TBZ));
        t.add("TBNZ", "b0110111 bbbbb iiiiiiiiiiiiii ttttt", "tbnz {n}, #{amount}, {target}", (f, i) -> testBranch(f, i, BranchExec.TBNZ));

        t.add("BR", "1101011 0000 11111 000000 nnnnn 00000", "br {n:x}", (f, i) -> indirect(f, i, BranchExec.BR));
        t.add("BLR", "1101011 0001 11111 000000 nnnnn 00000", "blr {n:x}", (f, i) -> indirect(f, i, BranchExec.BLR));
        t.add("RET_x30", "1101011 0010 11111 000000 11110 00000", "ret", (f, i) -> indirect(f, i, BranchExec.RET));
        t.add("RET", "1101011 0010 11111 000000 nnnnn 00000", "ret {n:x}", (f, i) -> indirect(f, i, BranchExec.RET));
        // Pointer-authenticated branches (FEAT_PAuth) are not part of ARMv8.0.
        t.unimplemented("BRAZ", "1101011 0000 11111 00001- nnnnn 11111");
        t.unimplemented("BLRAZ", "1101011 0001 11111 00001- nnnnn 11111");
        t.unimplemented("RETA", "1101011 0010 11111 00001- 11111 11111");
        t.unimplemented("BRA", "1101011 1000 11111 00001- nnnnn mmmmm");
        t.unimplemented("BLRA", "1101011 1001 11111 00001- nnnnn mmmmm");
        // Exception returns and debug-state instructions are UNDEFINED at EL0.
        t.add("ERET", "1101011 0100 11111 000000 11111 00000", "eret", (f, i) -> undefinedAtEl0(i));
        t.add("ERETA", "1101011 0100 11111 00001- 11111 11111", "ereta", (f, i) -> undefinedAtEl0(i));
        t.add("DRPS", "1101011 0101 11111 000000 11111 00000", "drps", (f, i) -> undefinedAtEl0(i));
    }

    private static void exceptions(EncodingTable t) {
        t.add("SVC", "11010100 000 iiiiiiiiiiiiiiii 000 01", "svc #{imm:x}", (f, i) -> {
            i.op = BranchExec.SVC;
            i.imm = f.u('i');
            i.endsBlock = true;
            return true;
        });
        t.add("BRK", "11010100 001 iiiiiiiiiiiiiiii 000 00", "brk #{imm:x}", (f, i) -> {
            i.op = BranchExec.BRK;
            i.imm = f.u('i');
            i.endsBlock = true;
            return true;
        });
        // HVC and SMC are UNDEFINED at EL0; HLT is UNDEFINED without halting debug; DCPS1-3 outside debug state.
        t.add("HVC", "11010100 000 iiiiiiiiiiiiiiii 000 10", "hvc #{imm:x}", (f, i) -> undefinedAtEl0(f, i));
        t.add("SMC", "11010100 000 iiiiiiiiiiiiiiii 000 11", "smc #{imm:x}", (f, i) -> undefinedAtEl0(f, i));
        t.add("HLT", "11010100 010 iiiiiiiiiiiiiiii 000 00", "hlt #{imm:x}", (f, i) -> undefinedAtEl0(f, i));
        t.add("DCPS", "11010100 101 iiiiiiiiiiiiiiii 000 ll", "dcps{opt} #{imm:x}", (f, i) -> {
            i.opt = f.u('l');
            return f.u('l') != 0 && undefinedAtEl0(f, i);
        });
    }

    /** Hint names as objdump prints them; unnamed hints print as "hint #imm". All execute as NOP. */
    private static final String[] HINTS = new String[128];

    static {
        String[][] named = {{"0", "nop"}, {"1", "yield"}, {"2", "wfe"}, {"3", "wfi"}, {"4", "sev"}, {"5", "sevl"},
            {"6", "dgh"}, {"7", "xpaclri"}, {"8", "pacia1716"}, {"10", "pacib1716"}, {"12", "autia1716"},
            {"14", "autib1716"}, {"16", "esb"}, {"17", "psb csync"}, {"18", "tsb csync"}, {"20", "csdb"},
            {"22", "clrbhb"}, {"24", "paciaz"}, {"25", "paciasp"}, {"26", "pacibz"}, {"27", "pacibsp"},
            {"28", "autiaz"}, {"29", "autiasp"}, {"30", "autibz"}, {"31", "autibsp"}, {"32", "bti"},
            {"34", "bti c"}, {"36", "bti j"}, {"38", "bti jc"}};
        for (String[] n : named) {
            HINTS[Integer.parseInt(n[0])] = n[1];
        }
    }

    /**
     * Hints (CRm:op2) execute as NOP on an ARMv8.0 core, including those later extensions gave meaning to (BTI,
     * PACIASP, AUTIASP ... live in the hint space precisely so that older cores ignore them). WFE and WFI do not
     * wait: a single user-mode core has no event or interrupt to wait for that would ever come.
     */
    private static void hints(EncodingTable t) {
        for (int h = 0; h < 128; h++) {
            if (HINTS[h] != null) {
                int imm = h;
                t.add(HINTS[h].toUpperCase(java.util.Locale.ROOT).replace(' ', '_'),
                        "11010101 00000011 0010 " + bin(h >>> 3, 4) + " " + bin(h & 7, 3) + " 11111", HINTS[h],
                        (f, i) -> nop(i, imm));
            }
        }
        t.add("HINT", "11010101 00000011 0010 mmmm ooo 11111", "hint #{imm:x}",
                (f, i) -> nop(i, (f.u('m') << 3) | f.u('o')));
        // FEAT_WFxT (ARMv8.7).
        t.unimplemented("WFET", "11010101 00000011 0001 0000 000 ddddd");
        t.unimplemented("WFIT", "11010101 00000011 0001 0000 001 ddddd");
    }

    /** Barrier options (CRm) as objdump names them. */
    private static final String[] BARRIER = {"#0x0", "oshld", "oshst", "osh", "#0x4", "nshld", "nshst", "nsh", "#0x8",
        "ishld", "ishst", "ish", "#0xc", "ld", "st", "sy"};

    /**
     * Barriers order memory accesses; a single in-order core that performs every access when it executes needs
     * nothing more, so they are NOPs (SSBB, PSSBB and SB included). ISB ends its block, so that code written
     * before it is decoded afresh.
     */
    private static void barriers(EncodingTable t) {
        for (int crm = 0; crm < 16; crm++) {
            String dsb = crm == 0 ? "ssbb" : crm == 4 ? "pssbb" : "dsb " + BARRIER[crm];
            String c = bin(crm, 4);
            int imm = crm;
            t.add("DSB", "11010101 00000011 0011 " + c + " 100 11111", dsb, (f, i) -> nop(i, imm));
            t.add("DMB", "11010101 00000011 0011 " + c + " 101 11111", "dmb " + BARRIER[crm], (f, i) -> nop(i, imm));
        }
        t.add("SB", "11010101 00000011 0011 0000 111 11111", "sb", (f, i) -> nop(i, 0));
        t.add("CLREX_15", "11010101 00000011 0011 1111 010 11111", "clrex", (f, i) -> clrex(i));
        t.add("CLREX", "11010101 00000011 0011 mmmm 010 11111", "clrex #{imm:x}", (f, i) -> {
            i.imm = f.u('m');
            return clrex(i);
        });
        t.add("ISB_15", "11010101 00000011 0011 1111 110 11111", "isb", (f, i) -> isb(i));
        t.add("ISB", "11010101 00000011 0011 mmmm 110 11111", "isb #{imm:x}", (f, i) -> {
            i.imm = f.u('m');
            return isb(i);
        });
        // FEAT_XS (DSB nXS), FEAT_TME (TCOMMIT).
        t.unimplemented("DSB_nXS", "11010101 00000011 0011 mm10 001 11111");
        t.unimplemented("TCOMMIT", "11010101 00000011 0011 0000 011 11111");
    }

    /** MSR (immediate) and the PSTATE instructions: op0 = 00, CRn = 0100. */
    private static void pstate(EncodingTable t) {
        // Linux runs EL0 with SCTLR_EL1.UMA clear: DAIF is not EL0's to change. SPSel, PAN and UAO are EL1 state.
        t.add("MSR_DAIFSet", "1101010100 0 00 011 0100 mmmm 110 11111", "msr daifset, #{imm:x}",
                (f, i) -> undefinedAtEl0(f, i, f.u('m')));
        t.add("MSR_DAIFClr", "1101010100 0 00 011 0100 mmmm 111 11111", "msr daifclr, #{imm:x}",
                (f, i) -> undefinedAtEl0(f, i, f.u('m')));
        t.add("MSR_SPSel", "1101010100 0 00 000 0100 mmmm 101 11111", "msr spsel, #{imm:x}",
                (f, i) -> undefinedAtEl0(f, i, f.u('m')));
        t.add("MSR_PAN", "1101010100 0 00 000 0100 mmmm 100 11111", "msr pan, #{imm:x}",
                (f, i) -> undefinedAtEl0(f, i, f.u('m')));
        t.add("MSR_UAO", "1101010100 0 00 000 0100 mmmm 011 11111", "msr uao, #{imm:x}",
                (f, i) -> undefinedAtEl0(f, i, f.u('m')));
        // EL0-accessible PSTATE fields of later extensions.
        t.unimplemented("MSR_SSBS", "1101010100 0 00 011 0100 mmmm 001 11111");
        t.unimplemented("MSR_DIT", "1101010100 0 00 011 0100 mmmm 010 11111");
        t.unimplemented("MSR_TCO", "1101010100 0 00 011 0100 mmmm 100 11111");
        t.unimplemented("MSR_SVCR", "1101010100 0 00 011 0100 0mmm 011 11111");
        t.unimplemented("MSR_ALLINT", "1101010100 0 00 001 0100 000m 000 11111");
        t.unimplemented("CFINV", "1101010100 0 00 000 0100 0000 000 11111");
        t.unimplemented("XAFLAG", "1101010100 0 00 000 0100 0000 001 11111");
        t.unimplemented("AXFLAG", "1101010100 0 00 000 0100 0000 010 11111");
    }

    /**
     * SYS (op0 = 01): the cache maintenance EL0 may do under Linux (SCTLR_EL1.UCI and DZE set), decoded to
     * {@link SysExec}; the MTE data cache operations are unimplemented; every other SYS/SYSL (TLBI, AT, DC IVAC
     * and the set/way operations, IC IALLU ...) is EL1's and UNDEFINED here.
     */
    private static void systemInstructions(EncodingTable t) {
        String dc = "1101010100 0 01 011 0111 ";
        t.add("DC_ZVA", dc + "0100 001 nnnnn", "dc zva, {n:x}", (f, i) -> sys(f, i, SysExec.DC_ZVA));
        t.add("DC_CVAC", dc + "1010 001 nnnnn", "dc cvac, {n:x}", (f, i) -> sys(f, i, SysExec.DC_CLEAN));
        t.add("DC_CVAU", dc + "1011 001 nnnnn", "dc cvau, {n:x}", (f, i) -> sys(f, i, SysExec.DC_CVAU));
        t.add("DC_CVAP", dc + "1100 001 nnnnn", "dc cvap, {n:x}", (f, i) -> sys(f, i, SysExec.DC_CLEAN));
        t.add("DC_CVADP", dc + "1101 001 nnnnn", "dc cvadp, {n:x}", (f, i) -> sys(f, i, SysExec.DC_CLEAN));
        t.add("DC_CIVAC", dc + "1110 001 nnnnn", "dc civac, {n:x}", (f, i) -> sys(f, i, SysExec.DC_CLEAN));
        t.add("IC_IVAU", dc + "0101 001 nnnnn", "ic ivau, {n:x}", (f, i) -> sys(f, i, SysExec.IC_IVAU));
        // FEAT_MTE: DC GVA, GZVA and the tag-cleaning forms (op2 011 and 101; 100 for GZVA).
        t.unimplemented("DC_GVA", dc + "0100 011 nnnnn");
        t.unimplemented("DC_GZVA", dc + "0100 100 nnnnn");
        for (String crm : new String[]{"1010", "1100", "1101", "1110"}) {
            t.unimplemented("DC_CG" + crm, dc + crm + " 011 nnnnn");
            t.unimplemented("DC_CGD" + crm, dc + crm + " 101 nnnnn");
        }
        // EL1 cache maintenance, named for disassembly; UNDEFINED here like the rest of EL1's SYS space.
        String[][] el1 = {{"IC_IALLUIS", "000 0111 0001 000 11111", "ic ialluis"},
            {"IC_IALLU", "000 0111 0101 000 11111", "ic iallu"}, {"DC_IVAC", "000 0111 0110 001 nnnnn", "dc ivac, {n:x}"},
            {"DC_ISW", "000 0111 0110 010 nnnnn", "dc isw, {n:x}"}, {"DC_CSW", "000 0111 1010 010 nnnnn", "dc csw, {n:x}"},
            {"DC_CISW", "000 0111 1110 010 nnnnn", "dc cisw, {n:x}"}};
        for (String[] r : el1) {
            t.add(r[0], "1101010100 0 01 " + r[1], r[2], (f, i) -> {
                i.is64 = true;
                i.rn = f.has('n') ? Reg.src(f.u('n')) : Reg.ZR;
                return undefinedAtEl0(i);
            });
        }
        t.add("SYS", "1101010100 0 01 ooo cccc mmmm ppp nnnnn", "sys #{imm}, C{amount}, C{opt}, #{size}, {n:x}",
                (f, i) -> sysOperands(f, i) && undefinedAtEl0(i));
        t.add("SYSL", "1101010100 1 01 ooo cccc mmmm ppp nnnnn", "sysl {n:x}, #{imm}, C{amount}, C{opt}, #{size}",
                (f, i) -> sysOperands(f, i) && undefinedAtEl0(i));
    }

    private static boolean sysOperands(Fields f, Insn i) {
        i.imm = f.u('o');
        i.amount = f.u('c');
        i.opt = f.u('m');
        i.size = f.u('p');
        i.is64 = true;
        i.rn = Reg.src(f.u('n'));
        return true;
    }

    private static boolean sys(Fields f, Insn i, int op) {
        i.op = op;
        i.is64 = true;
        i.rn = Reg.src(f.u('n'));
        return true;
    }

    /**
     * MRS/MSR (register): one row per system register EL0 may access ({@link SystemRegister}), named as objdump
     * names it; any other register is UNDEFINED at EL0.
     */
    private static void systemRegisters(EncodingTable t) {
        for (SystemRegister r : SystemRegister.values()) {
            int[] e = r.encoding();
            String bits = (e[0] & 1) + " " + bin(e[1], 3) + " " + bin(e[2], 4) + " " + bin(e[3], 4) + " " + bin(e[4], 3);
            String name = r.assemblerName();
            if (r.readable()) {
                t.add("MRS_" + r.name(), "1101010100 1 1 " + bits + " ttttt", "mrs {d:x}, " + name,
                        (f, i) -> sysreg(f, i, r, true));
            }
            if (r.writable()) {
                t.add("MSR_" + r.name(), "1101010100 0 1 " + bits + " ttttt", "msr " + name + ", {n:x}",
                        (f, i) -> sysreg(f, i, r, false));
            }
        }
    }

    /**
     * System registers of later extensions that EL0 may access under Linux (RNDR, SSBS, DIT, TCO, the
     * self-synchronised counters, SME's TPIDR2/SVCR, GCS's GCSPR, FPMR): recognised, not implemented.
     */
    private static final String[][] LATER_EL0_REGISTERS = {
        {"RNDR", "3 3 2 4 0"}, {"RNDRRS", "3 3 2 4 1"}, {"SVCR", "3 3 4 2 2"}, {"DIT", "3 3 4 2 5"},
        {"SSBS", "3 3 4 2 6"}, {"TCO", "3 3 4 2 7"}, {"FPMR", "3 3 4 4 2"}, {"TPIDR2_EL0", "3 3 13 0 5"},
        {"CNTPCTSS_EL0", "3 3 14 0 5"}, {"CNTVCTSS_EL0", "3 3 14 0 6"}, {"GCSPR_EL0", "3 3 2 5 1"},
    };

    private static void laterSystemRegisters(EncodingTable t) {
        for (String[] r : LATER_EL0_REGISTERS) {
            String[] e = r[1].split(" ");
            String bits = (Integer.parseInt(e[0]) & 1) + " " + bin(Integer.parseInt(e[1]), 3) + " "
                    + bin(Integer.parseInt(e[2]), 4) + " " + bin(Integer.parseInt(e[3]), 4) + " "
                    + bin(Integer.parseInt(e[4]), 3);
            t.unimplemented("MRS_" + r[0], "1101010100 1 1 " + bits + " ttttt");
            t.unimplemented("MSR_" + r[0], "1101010100 0 1 " + bits + " ttttt");
        }
    }

    private static boolean sysreg(Fields f, Insn i, SystemRegister r, boolean read) {
        i.op = read ? BranchExec.MRS : BranchExec.MSR;
        i.opt = r.ordinal();
        if (read) {
            i.rd = Reg.dst(f.u('t'));
        } else {
            i.rn = Reg.src(f.u('t'));
            // A write may change how later instructions behave (FPCR rounding); end the block to be safe.
            i.endsBlock = true;
        }
        return true;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean branch(Insn i, int op, long target) {
        i.op = op;
        i.imm = target;
        i.endsBlock = true;
        return true;
    }

    private static boolean compareBranch(Fields f, Insn i, int op) {
        i.is64 = f.b('z');
        i.rn = Reg.src(f.u('t'));
        return branch(i, op, i.pc + (f.s('i') << 2));
    }

    private static boolean testBranch(Fields f, Insn i, int op) {
        i.amount = f.u('b');
        i.is64 = i.amount >= 32;
        i.rn = Reg.src(f.u('t'));
        return branch(i, op, i.pc + (f.s('i') << 2));
    }

    private static boolean indirect(Fields f, Insn i, int op) {
        i.op = op;
        i.is64 = true;
        i.rn = Reg.src(f.has('n') ? f.u('n') : 30);
        i.endsBlock = true;
        return true;
    }

    private static boolean nop(Insn i, int imm) {
        i.op = BranchExec.NOP;
        i.imm = imm;
        return true;
    }

    private static boolean clrex(Insn i) {
        i.op = BranchExec.CLREX;
        return true;
    }

    private static boolean isb(Insn i) {
        // Ends the block so that code written before it is decoded afresh.
        i.op = BranchExec.ISB;
        i.endsBlock = true;
        return true;
    }

    /** An instruction that exists but is UNDEFINED for an EL0 program under Linux: SIGILL when executed. */
    private static boolean undefinedAtEl0(Insn i) {
        i.op = Ops.UNDEFINED;
        i.endsBlock = true;
        return true;
    }

    private static boolean undefinedAtEl0(Fields f, Insn i) {
        i.imm = f.u('i');
        return undefinedAtEl0(i);
    }

    private static boolean undefinedAtEl0(Fields f, Insn i, int imm) {
        i.imm = imm;
        return undefinedAtEl0(i);
    }
}
