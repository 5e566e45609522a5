package io.isotrace.cpu.decode;

/**
 * How a register number becomes an index into {@code CpuState.x}. Register number 31 means the zero register in
 * most encodings and the stack pointer in some; the decoder resolves which once, so execution never tests for it:
 * reads of {@link #ZR} yield 0, writes meant for the zero register go to {@link #SINK} and are never read, and the
 * stack pointer lives at {@link #SP}.
 */
public final class Reg {
    /** Always reads zero; never written. */
    public static final int ZR = 31;
    /** Where writes to the zero register go. */
    public static final int SINK = 32;
    /** The current stack pointer. */
    public static final int SP = 33;
    /** Size of the register file array. */
    public static final int COUNT = 34;

    private Reg() {
    }

    /** Register number {@code r} as a source where 31 is the zero register. */
    public static int src(int r) {
        return r;
    }

    /** Register number {@code r} as a destination where 31 is the zero register. */
    public static int dst(int r) {
        return r == 31 ? SINK : r;
    }

    /** Register number {@code r} where 31 is the stack pointer (source or destination). */
    public static int sp(int r) {
        return r == 31 ? SP : r;
    }

    /** The assembler name of register-file index {@code i} at width 64 or 32. */
    public static String name(int i, boolean is64) {
        if (i == SP) {
            return is64 ? "sp" : "wsp";
        }
        if (i == ZR || i == SINK) {
            return is64 ? "xzr" : "wzr";
        }
        return (is64 ? "x" : "w") + i;
    }
}
