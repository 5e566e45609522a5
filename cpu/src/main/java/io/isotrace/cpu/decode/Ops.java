package io.isotrace.cpu.decode;

/**
 * Operation numbers. An op is {@code group << GROUP_SHIFT | index}: the interpreter switches on the group to reach
 * the group's executor, which switches on the index. Each executor class in {@code io.isotrace.cpu.exec} owns the
 * constants of its group; this class holds the group numbers and the two special ops.
 */
public final class Ops {
    public static final int GROUP_SHIFT = 10;
    public static final int INDEX_MASK = (1 << GROUP_SHIFT) - 1;

    /** Special ops: no valid instruction. */
    public static final int GROUP_SPECIAL = 0;
    /** Integer data processing (immediate and register), bitfield, multiply/divide. */
    public static final int GROUP_INT = 1;
    /** Branches, exception generation and system instructions. */
    public static final int GROUP_BRANCH_SYS = 2;
    /** Loads and stores, atomics and exclusives (general registers). */
    public static final int GROUP_MEM = 3;
    /** Scalar floating point. */
    public static final int GROUP_FP = 4;
    /** Advanced SIMD, including SIMD&FP loads and stores. */
    public static final int GROUP_SIMD = 5;

    /** The word matched no encoding: architecturally UNDEFINED, raises SIGILL like Linux would. */
    public static final int UNDEFINED = GROUP_SPECIAL << GROUP_SHIFT;
    /** The word is a known encoding Isotrace does not implement: stops the run, naming it. */
    public static final int UNIMPLEMENTED = (GROUP_SPECIAL << GROUP_SHIFT) | 1;

    private Ops() {
    }

    public static int of(int group, int index) {
        return (group << GROUP_SHIFT) | index;
    }
}
