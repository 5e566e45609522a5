package io.isotrace.cpu;

import io.isotrace.cpu.decode.Insn;

/** Thrown when execution reaches an instruction the tables know but Isotrace does not implement. */
public final class UnimplementedInstruction extends RuntimeException {
    private final long pc;
    private final int word;

    public UnimplementedInstruction(Insn insn, String what) {
        super(String.format("unimplemented instruction 0x%08x (%s): %s at PC 0x%x", insn.word, what,
                io.isotrace.cpu.decode.Group.of(insn.word).description(), insn.pc), null, false, false);
        this.pc = insn.pc;
        this.word = insn.word;
    }

    public long pc() {
        return pc;
    }

    public int word() {
        return word;
    }
}
