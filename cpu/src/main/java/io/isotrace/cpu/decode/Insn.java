package io.isotrace.cpu.decode;

/**
 * One decoded instruction, with its operands already in architectural meaning (register numbers resolved to
 * register-file indices, immediates shifted and sign-extended, PC-relative targets made absolute), so execution
 * does no decoding. Decoded once per guest address and cached in a block; the fields are plain and public for the
 * interpreter's sake. Which fields an instruction uses is up to its encoding's decode function.
 */
public final class Insn {
    /** The operation to execute: a constant of one of the exec op tables ({@code IntOp}, {@code MemOp} ...). */
    public int op;
    /** The encoding that matched (its name and disassembly template). */
    public Encoding encoding;
    /** The instruction word. */
    public int word;
    /** Address of the instruction. */
    public long pc;
    /** Position in its block (the interpreter derives the instruction count from it). */
    public int index;
    /** True when this instruction is the first one executed in a new aligned 64-byte fetch block. */
    public boolean newFetchLine;
    /** True when the instruction sets the next PC itself (branches, SVC, ...): it ends its block. */
    public boolean endsBlock;

    public int rd;
    public int rn;
    public int rm;
    public int ra;
    /** Second transfer register of pair loads/stores, or a fourth operand. */
    public int rt2;
    /** 64-bit operation (sf = 1) as opposed to 32-bit. */
    public boolean is64;
    /** Sets the condition flags (the S forms). */
    public boolean setFlags;
    public long imm;
    public long imm2;
    /** Shift type or extend type, as the encoding defines it. */
    public int shift;
    /** Shift amount or other small count. */
    public int amount;
    public int cond;
    /** Access size in bytes, or element size, as the encoding defines it. */
    public int size;
    /** Encoding-specific extra operand (opc bits, option, ...). */
    public int opt;

    /** Clears every field so a reused object carries nothing from its last decode. */
    public Insn clear() {
        op = 0;
        encoding = null;
        word = 0;
        pc = 0;
        index = 0;
        newFetchLine = false;
        endsBlock = false;
        rd = rn = rm = ra = rt2 = Reg.ZR;
        is64 = false;
        setFlags = false;
        imm = imm2 = 0;
        shift = amount = cond = size = opt = 0;
        return this;
    }

    @Override
    public String toString() {
        return Disassembler.format(this);
    }
}
