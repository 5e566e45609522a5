package io.isotrace.cpu;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Decoder;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.cpu.exec.Block;
import io.isotrace.cpu.exec.BlockCache;
import io.isotrace.cpu.exec.Executor;
import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.GuestFault;
import io.isotrace.cpu.mmu.GuestMemory;
import io.isotrace.cpu.mmu.Stage1;
import io.isotrace.cpu.sys.Kernel;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.record.SecurityState;

import java.util.ArrayList;
import java.util.List;

/**
 * One AArch64 core: its architectural state and the interpreter loop.
 *
 * <p>State is held in plain public fields for the executors' sake. General registers live in {@link #x}, indexed as
 * {@link Reg} describes (0-30, the zero register, a write sink, SP); SIMD&amp;FP registers in {@link #v}, two longs
 * per register (low half first).
 *
 * <p>The loop runs decoded {@link Block}s. Within a block the PC is not updated per instruction: each {@link Insn}
 * knows its own address, so {@code pc} is written only when a block ends, a branch is taken, or something traps.
 * Time is one cycle per instruction plus the latency the memory system reports in lockstep.
 */
public final class Cpu {
    // ---- architectural state ----
    public final long[] x = new long[Reg.COUNT];
    public final long[] v = new long[64];
    public long pc;
    /** N, Z, C, V in bits 31..28, as PSTATE and the NZCV register hold them. */
    public int nzcv;
    public int fpcr;
    public int fpsr;
    public long tpidrEl0;
    public long tpidrroEl0;
    /** Exclusive monitor: address armed by the last load-exclusive, or -1. */
    public long exclusiveAddress = -1;
    public int exclusiveSize;
    /** Scratch for flag computations (no allocation on the hot path). */
    public final int[] flagScratch = new int[1];

    private int el;
    private SecurityState security = SecurityState.NON_SECURE;
    private int asid;

    // ---- machinery ----
    public final GuestMemory mem;
    private final CpuConfig config;
    private final Decoder decoder;
    private final BlockCache blocks = new BlockCache();
    private Kernel kernel;

    /** Instructions retired before the current block. */
    private long instructions;
    private long stallPs;
    /** The instruction executing now (for transaction attribution and fault PCs). */
    private Insn current;
    private boolean stopRequested;
    private StopReason stopReason;
    private int exitStatus;

    public Cpu(CpuConfig config, Stage1 stage1, MemoryPort port) {
        this.config = config;
        this.decoder = A64.decoder();
        this.mem = new GuestMemory(this, stage1, port);
    }

    public void setKernel(Kernel kernel) {
        this.kernel = kernel;
    }

    public Kernel kernel() {
        return kernel;
    }

    public CpuConfig config() {
        return config;
    }

    // ---- context seen by the memory system ----

    public int requester() {
        return config.requester();
    }

    public int el() {
        return el;
    }

    public void setEl(int el) {
        this.el = el;
    }

    public SecurityState security() {
        return security;
    }

    public void setSecurity(SecurityState s) {
        this.security = s;
    }

    public int asid() {
        return asid;
    }

    public void setAsid(int asid) {
        this.asid = asid;
    }

    /** Instructions retired, including those of the block executing now. */
    public long instructions() {
        return current == null ? instructions : instructions + current.index;
    }

    /** Simulated time now, in picoseconds. */
    public long timePs() {
        return config.clock().cyclesToPs(instructions()) + stallPs;
    }

    /** Adds memory latency (lockstep) to the core's time. */
    public void stall(long ps) {
        stallPs += ps;
    }

    public long stallPs() {
        return stallPs;
    }

    /** Address of the instruction executing now (or the PC between instructions). */
    public long currentPc() {
        return current == null ? pc : current.pc;
    }

    // ---- control ----

    /** Ends {@link #run()} after the current instruction with {@link StopReason#EXITED} and a status. */
    public void exit(int status) {
        stopRequested = true;
        stopReason = StopReason.EXITED;
        exitStatus = status;
    }

    /** Ends {@link #run()} after the current instruction so the kernel can switch contexts. */
    public void yieldCpu() {
        stopRequested = true;
        stopReason = StopReason.YIELDED;
    }

    public int exitStatus() {
        return exitStatus;
    }

    /** Drops decoded code in IPA range {@code [lo, hi)} (stores to code, munmap, mprotect). */
    public void invalidateCode(long lo, long hi) {
        blocks.invalidateIpa(lo, hi);
    }

    /** Drops all decoded code (execve). */
    public void invalidateAllCode() {
        blocks.clear();
    }

    public BlockCache blocks() {
        return blocks;
    }

    /**
     * Runs until the guest exits, the instruction limit is reached, the kernel yields, or an unimplemented
     * instruction is met (then {@link UnimplementedInstruction} is thrown with the PC).
     */
    public StopReason run() {
        stopRequested = false;
        Block prev = null;
        while (true) {
            long remaining = config.maxInstructions() - instructions;
            if (remaining <= 0) {
                return StopReason.INSTRUCTION_LIMIT;
            }
            Block b = null;
            if (prev != null) {
                Block s0 = prev.succ0;
                if (s0 != null && s0.pc == pc && s0.valid) {
                    b = s0;
                } else {
                    Block s1 = prev.succ1;
                    if (s1 != null && s1.pc == pc && s1.valid) {
                        b = s1;
                        prev.succ1 = s0;
                        prev.succ0 = s1;
                    }
                }
            }
            if (b == null) {
                b = blocks.lookup(pc);
                if (b == null || !b.valid) {
                    try {
                        b = buildBlock(pc);
                    } catch (GuestFault f) {
                        current = null;
                        kernel.fault(this, f);
                        prev = null;
                        if (stopRequested) {
                            return stopReason;
                        }
                        continue;
                    }
                }
                if (prev != null) {
                    prev.succ1 = prev.succ0;
                    prev.succ0 = b;
                }
            }
            prev = b;
            executeBlock(b, remaining);
            if (stopRequested) {
                return stopReason;
            }
        }
    }

    private void executeBlock(Block b, long remaining) {
        Insn[] insns = b.insns;
        int n = remaining < insns.length ? (int) remaining : insns.length;
        boolean observed = mem.observed();
        int k = 0;
        try {
            for (; k < n; k++) {
                Insn i = insns[k];
                current = i;
                if (observed && (k == 0 || i.newFetchLine)) {
                    mem.fetchLine(i.pc);
                }
                Executor.execute(this, i);
                if (stopRequested) {
                    k++;
                    break;
                }
            }
            Insn last = insns[k - 1];
            current = null;
            instructions += k;
            if (!last.endsBlock) {
                pc = last.pc + 4;
            }
        } catch (GuestFault f) {
            // The faulting instruction did not retire.
            current = null;
            instructions += k;
            pc = insns[k].pc;
            kernel.fault(this, f);
        } catch (UnimplementedInstruction u) {
            current = null;
            instructions += k;
            pc = insns[k].pc;
            throw u;
        }
    }

    private Block buildBlock(long start) {
        List<Insn> list = new ArrayList<>();
        long pcNow = start;
        long page = start >>> GuestMemory.PAGE_SHIFT;
        long ipaPage = mem.ipaOf(start, Access.EXECUTE) & ~(long) GuestMemory.PAGE_MASK;
        while (list.size() < Block.MAX_LENGTH && (pcNow >>> GuestMemory.PAGE_SHIFT) == page) {
            int word;
            try {
                word = mem.fetch32(pcNow);
            } catch (GuestFault f) {
                if (list.isEmpty()) {
                    throw f;
                }
                break; // the fault is taken only if execution gets there
            }
            Insn i = new Insn();
            decoder.decode(word, pcNow, i);
            i.index = list.size();
            i.newFetchLine = (pcNow & (GuestMemory.FETCH_LINE - 1)) == 0;
            list.add(i);
            if (i.endsBlock || i.op == io.isotrace.cpu.decode.Ops.UNDEFINED
                    || i.op == io.isotrace.cpu.decode.Ops.UNIMPLEMENTED) {
                break;
            }
            pcNow += 4;
        }
        mem.markCode(ipaPage);
        Block b = new Block(start, list.toArray(new Insn[0]), ipaPage);
        blocks.put(b);
        return b;
    }

    /** Decodes the instruction at {@code va} without executing it (for disassembly and error messages). */
    public Insn decodeAt(long va) {
        Insn i = new Insn();
        decoder.decode(mem.fetch32(va), va, i);
        return i;
    }
}
