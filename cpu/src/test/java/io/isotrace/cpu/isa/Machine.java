package io.isotrace.cpu.isa;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.StopReason;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.GuestFault;
import io.isotrace.cpu.mmu.Stage1;
import io.isotrace.cpu.sys.Kernel;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.MemoryType;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A bare core for unit tests: code at {@link #CODE} (read/execute), data at {@link #DATA} (read/write, 64 KiB),
 * one read-only page at {@link #READ_ONLY}; VA = IPA = PA. {@link #run} executes the given words and stops at the
 * SVC #0xfff appended after them; faults and UNDEFINED instructions stop the run and are recorded, as is every
 * memory transaction while {@link #observe} is on.
 */
final class Machine implements Kernel, Stage1 {
    static final long CODE = 0x1_0000;
    static final long DATA = 0x4_0000;
    static final long DATA_END = DATA + 0x1_0000;
    static final long READ_ONLY = 0x8_0000;
    static final int STOP = 0xD400_0001 | 0xFFF << 5; // svc #0xfff

    final PhysicalMemory phys = new PhysicalMemory();
    final Cpu cpu;
    final List<Transaction> transactions = new ArrayList<>();
    GuestFault fault;
    Insn undefined;
    int supervisorCalls;

    Machine() {
        cpu = new Cpu(CpuConfig.defaults().withMaxInstructions(1_000_000), this, new IdentityMemoryPort(phys));
        cpu.setKernel(this);
        cpu.x[Reg.SP] = DATA_END - 256;
    }

    /** Records every data transaction from now on (instruction fetches are left out). */
    Machine observe() {
        cpu.mem.setSink(t -> {
            if (t.kind != TransactionKind.IFETCH) {
                transactions.add(new Transaction().copyFrom(t));
            }
        });
        return this;
    }

    Machine set(int reg, long value) {
        cpu.x[reg] = value;
        return this;
    }

    Machine sp(long value) {
        cpu.x[Reg.SP] = value;
        return this;
    }

    Machine nzcv(int flags) {
        cpu.nzcv = flags << 28;
        return this;
    }

    long x(int reg) {
        return cpu.x[reg];
    }

    int nzcv() {
        return cpu.nzcv >>> 28;
    }

    long read(long pa, int size) {
        return phys.read(pa, size);
    }

    Machine write(long pa, int size, long value) {
        phys.write(pa, size, value);
        return this;
    }

    /** Writes {@code words} at {@link #CODE}, then the stop word, and runs them from the start. */
    Machine run(int... words) {
        for (int k = 0; k < words.length; k++) {
            phys.write(CODE + 4L * k, 4, words[k]);
        }
        phys.write(CODE + 4L * words.length, 4, STOP);
        cpu.invalidateAllCode(); // the words were written behind the memory system's back
        cpu.pc = CODE;
        StopReason r = cpu.run();
        if (r != StopReason.EXITED) {
            throw new IllegalStateException("run ended with " + r);
        }
        return this;
    }

    // ---- Stage1: fixed regions, identity mapped

    @Override
    public int translate(long va, int access, Result out) {
        int perms;
        if (va >= CODE && va < CODE + 0x1_0000) {
            perms = Access.READ | Access.EXECUTE;
        } else if (va >= DATA && va < DATA_END) {
            perms = Access.READ | Access.WRITE | Access.EXECUTE;
        } else if (va >= READ_ONLY && va < READ_ONLY + 4096) {
            perms = Access.READ;
        } else {
            return FAULT_TRANSLATION;
        }
        if ((perms & access) == 0) {
            return FAULT_PERMISSION;
        }
        out.ipaPage = va & ~0xFFFL;
        out.permissions = perms;
        out.memoryType = MemoryType.NORMAL_WB;
        return OK;
    }

    // ---- Kernel

    @Override
    public void supervisorCall(Cpu c, int imm) {
        if (imm == 0xFFF) {
            c.exit(0);
        } else {
            supervisorCalls++;
        }
    }

    @Override
    public void fault(Cpu c, GuestFault f) {
        fault = f;
        c.exit(1);
    }

    @Override
    public void undefined(Cpu c, Insn insn) {
        undefined = insn;
        c.exit(2);
    }

    @Override
    public void breakpoint(Cpu c, int imm) {
        c.exit(3);
    }
}
