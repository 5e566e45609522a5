package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;

/**
 * Advanced SIMD, including SIMD&amp;FP loads and stores. The group's ops are split into blocks of 128, one
 * executor class per block, so that each class's switch stays small: this dispatch is the one extra level.
 */
public final class SimdExec {
    static final int G = Ops.GROUP_SIMD << Ops.GROUP_SHIFT;
    /** First op of each sub-executor. */
    public static final int MEM = G;
    public static final int INT = G + 128;
    public static final int MISC = G + 256;
    public static final int PERM = G + 384;
    public static final int FP = G + 512;
    public static final int FP2 = G + 640;
    public static final int WIDE = G + 768;

    private SimdExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch ((i.op >>> 7) & 7) {
            case 0:
                SimdMemExec.execute(c, i);
                break;
            case 1:
                SimdIntExec.execute(c, i);
                break;
            case 2:
                SimdMiscExec.execute(c, i);
                break;
            case 3:
                SimdPermExec.execute(c, i);
                break;
            case 4:
                SimdFpExec.execute(c, i);
                break;
            case 6:
                SimdWideExec.execute(c, i);
                break;
            default:
                throw Executor.unknownOp(i);
        }
    }
}
