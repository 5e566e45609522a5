package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.GuestFault;
import io.isotrace.cpu.mmu.Stage1;
import io.isotrace.cpu.sys.Kernel;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Isotrace's design choice for SIMD&amp;FP loads that fault part-way (which the Arm ARM leaves UNKNOWN for
 * multi-register loads): the access is one transaction, made before any register is written, so a fault leaves
 * every destination register and the base register as they were — observed or not. The fault names the first
 * inaccessible byte.
 */
class SimdFaultTest {
    private static final long CODE = 0x1_0000;
    private static final long DATA = 0x2_0000;          // DATA is mapped, DATA + 0x1000 is not

    private static final class Recorder implements Kernel {
        GuestFault fault;

        @Override
        public void supervisorCall(Cpu cpu, int imm) {
            cpu.exit(0);
        }

        @Override
        public void fault(Cpu cpu, GuestFault f) {
            fault = f;
            cpu.exit(1);
        }

        @Override
        public void undefined(Cpu cpu, Insn insn) {
            cpu.exit(2);
        }

        @Override
        public void breakpoint(Cpu cpu, int imm) {
            cpu.exit(3);
        }
    }

    private static Cpu cpu(int word) {
        Stage1 map = (va, access, out) -> {
            long page = va & ~0xFFFL;
            if (page != CODE && page != DATA) {
                return Stage1.FAULT_TRANSLATION;
            }
            out.ipaPage = page;
            out.permissions = Access.READ | Access.WRITE | Access.EXECUTE;
            return Stage1.OK;
        };
        Cpu c = new Cpu(CpuConfig.defaults(), map, new IdentityMemoryPort(new PhysicalMemory()));
        c.mem.write32(CODE, word);
        c.mem.write32(CODE + 4, 0xD4000001);            // svc #0
        for (int k = 0; k < 64; k++) {
            c.v[k] = 0x1111_0000_0000_0000L * (k % 4 + 1) + k;
        }
        c.pc = CODE;
        return c;
    }

    private static void check(int word, long base, boolean observed) {
        Cpu c = cpu(word);
        Recorder k = new Recorder();
        c.setKernel(k);
        if (observed) {
            c.mem.setSink(t -> { });
        }
        c.x[1] = base;
        long[] before = c.v.clone();
        c.run();
        assertNotNull(k.fault, "no fault");
        assertEquals(DATA + 0x1000, k.fault.address());
        assertEquals(base, c.x[1], "base register written back");
        assertArrayEquals(before, c.v, "registers changed by a faulting load");
        assertEquals(CODE, c.pc);
    }

    @Test
    void faultingLoadsChangeNoRegister() {
        for (boolean observed : new boolean[] {false, true}) {
            check(0x4CDF2020, DATA + 0x1000 - 40, observed);     // ld1 {v0.16b-v3.16b}, [x1], #64
            check(0xADC08420, DATA + 0x1000 - 24, observed);     // ldp q0, q1, [x1, #16]!
            check(0x4C400820, DATA + 0x1000 - 60, observed);     // ld4 {v0.4s-v3.4s}, [x1]
            check(0x4DDFCC20, DATA + 0x1000 - 4, observed);      // ld1r {v0.2d}, [x1], #8
            check(0x0DDF8420, DATA + 0x1000 - 4, observed);      // ld1 {v0.d}[0], [x1], #8
            check(0x3CC10C20, DATA + 0x1000 - 16, observed);     // ldr q0, [x1, #16]!  (wholly outside)
        }
    }
}
