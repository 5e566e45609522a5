package io.isotrace.cpu.exec;

import io.isotrace.cpu.decode.Insn;

/**
 * A run of decoded instructions from one entry address to the first instruction that sets the PC itself, to the
 * end of its page, or to {@link #MAX_LENGTH}. Executing a block costs one lookup instead of one per instruction,
 * and its two most recent successors are remembered so that loops do not look up at all.
 */
public final class Block {
    public static final int MAX_LENGTH = 64;

    public final long pc;
    public final Insn[] insns;
    /** Page (IPA) the block was decoded from, for invalidation. */
    public final long ipaPage;
    /** False once the code under the block was written or unmapped. */
    public boolean valid = true;
    public Block succ0;
    public Block succ1;

    public Block(long pc, Insn[] insns, long ipaPage) {
        this.pc = pc;
        this.insns = insns;
        this.ipaPage = ipaPage;
    }
}
