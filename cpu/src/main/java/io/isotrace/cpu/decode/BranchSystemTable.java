package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.BranchExec;
import io.isotrace.cpu.sys.SystemRegister;

/** Branches, exception generating and system instructions (Arm ARM C4.1.93). */
final class BranchSystemTable {
    private BranchSystemTable() {
    }

    static void register(EncodingTable t) {
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
        t.add("RET", "1101011 0010 11111 000000 nnnnn 00000", "ret {n:x}", (f, i) -> indirect(f, i, BranchExec.RET));
        // Pointer-authenticated branches (FEAT_PAuth) are not part of ARMv8.0.
        t.unimplemented("BRA", "1101011 0000 11111 00001- nnnnn mmmmm");
        t.unimplemented("BLRA", "1101011 0001 11111 00001- nnnnn mmmmm");
        t.unimplemented("RETA", "1101011 0010 11111 00001- 11111 11111");
        t.unimplemented("ERET", "1101011 0100 11111 000000 11111 00000");

        t.add("SVC", "11010100 000 iiiiiiiiiiiiiiii 000 01", "svc #{imm}", (f, i) -> {
            i.op = BranchExec.SVC;
            i.imm = f.u('i');
            i.endsBlock = true;
            return true;
        });
        t.add("BRK", "11010100 001 iiiiiiiiiiiiiiii 000 00", "brk #{imm}", (f, i) -> {
            i.op = BranchExec.BRK;
            i.imm = f.u('i');
            i.endsBlock = true;
            return true;
        });
        t.unimplemented("HVC", "11010100 000 iiiiiiiiiiiiiiii 000 10");
        t.unimplemented("SMC", "11010100 000 iiiiiiiiiiiiiiii 000 11");
        t.unimplemented("HLT", "11010100 010 iiiiiiiiiiiiiiii 000 00");

        // Hints execute as NOP on an ARMv8.0 core, including those later extensions gave meaning to
        // (BTI, PACIASP, AUTIASP ... live in the hint space precisely so that older cores ignore them).
        t.add("HINT", "11010101 00000011 0010 mmmm ooo 11111", "hint #{imm}", (f, i) -> {
            i.op = BranchExec.NOP;
            i.imm = (f.u('m') << 3) | f.u('o');
            return true;
        });
        t.add("CLREX", "11010101 00000011 0011 mmmm 010 11111", "clrex", (f, i) -> {
            i.op = BranchExec.CLREX;
            return true;
        });
        t.add("DSB", "11010101 00000011 0011 mmmm 100 11111", "dsb #{imm}", (f, i) -> barrier(f, i));
        t.add("DMB", "11010101 00000011 0011 mmmm 101 11111", "dmb #{imm}", (f, i) -> barrier(f, i));
        t.add("ISB", "11010101 00000011 0011 mmmm 110 11111", "isb", (f, i) -> {
            // Ends the block so that code written before it is decoded afresh.
            i.op = BranchExec.ISB;
            i.endsBlock = true;
            return true;
        });

        t.add("MRS", "1101010100 1 1 o ppp nnnn mmmm qqq ttttt", "mrs {d:x}, {opt}", (f, i) -> sysreg(f, i, true));
        t.add("MSR_reg", "1101010100 0 1 o ppp nnnn mmmm qqq ttttt", "msr {opt}, {n:x}", (f, i) -> sysreg(f, i, false));
    }

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
        i.rn = Reg.src(f.u('n'));
        i.endsBlock = true;
        return true;
    }

    private static boolean barrier(Fields f, Insn i) {
        i.op = BranchExec.NOP;
        i.imm = f.u('m');
        return true;
    }

    /** MRS/MSR: resolved to a {@link SystemRegister} at decode; unknown registers are UNDEFINED at EL0. */
    private static boolean sysreg(Fields f, Insn i, boolean read) {
        int op0 = 2 | f.u('o');
        SystemRegister r = SystemRegister.lookup(op0, f.u('p'), f.u('n'), f.u('m'), f.u('q'));
        if (r == null || (read ? !r.readable() : !r.writable())) {
            return false;
        }
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
}
