package io.isotrace.cpu.isa;

import io.isotrace.cpu.UnimplementedInstruction;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.cpu.sys.SystemRegister;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import static io.isotrace.cpu.isa.Machine.CODE;
import static io.isotrace.cpu.isa.Machine.DATA;
import static io.isotrace.cpu.isa.Words.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * System instructions as an EL0 program under Linux sees them: DC ZVA, cache maintenance and the decoded-code
 * invalidation IC IVAU implies, the EL0 system registers, what is UNDEFINED at EL0 (SIGILL), and the recognised
 * but unimplemented encodings (the run stops naming them).
 */
class SystemTest {
    @Test
    void dcZvaZeroesTheAlignedBlockInOneTransaction() {
        Machine m = new Machine();
        for (int k = 0; k < 256; k++) {
            m.write(DATA + k, 1, 0xEE);
        }
        m.set(1, DATA + 0x47).observe().run(of("dc zva, x1"));
        for (int k = 0; k < 256; k++) {
            assertEquals(k >= 0x40 && k < 0x80 ? 0 : 0xEE, m.read(DATA + k, 1), "byte " + k);
        }
        assertEquals(1, m.transactions.size());
        Transaction t = m.transactions.get(0);
        assertEquals(TransactionKind.ZERO_BLOCK, t.kind);
        assertEquals(DATA + 0x40, t.va);
        assertEquals(64, t.size);
        assertEquals(4, new Machine().run(of("mrs x0, dczid_el0")).x(0), "DCZID_EL0.BS = 4: 2^4 words");
    }

    @Test
    void cacheMaintenanceIsReportedAndChangesNoData() {
        Machine m = new Machine().write(DATA + 0x80, 8, 42).set(1, DATA + 0x85).set(2, DATA + 0x91).observe()
                .run(of("dc civac, x1"), of("dc cvau, x1"), of("dc cvac, x1"), of("ic ivau, x2"));
        assertEquals(4, m.transactions.size());
        for (Transaction t : m.transactions) {
            assertEquals(TransactionKind.CACHE_MAINT, t.kind);
            assertEquals(DATA + 0x80, t.va);
            assertEquals(64, t.size);
        }
        assertEquals(42, m.read(DATA + 0x80, 8));
    }

    /**
     * Code changed behind the core's back (not by its own stores, which drop decoded code by themselves) runs
     * stale until IC IVAU drops the decoded block.
     */
    @Test
    void icIvauMakesNewCodeVisible() {
        Machine m = new Machine().set(2, 0x2222).sp(0x5555);
        long at = CODE + 0x100;
        m.write(at, 4, of("mov w0, w2")).write(at + 4, 4, Machine.STOP);
        m.cpu.pc = at;
        m.cpu.run();
        assertEquals(0x2222, m.x(0));
        m.write(at, 4, of("mov x0, sp")); // behind the core's back
        m.cpu.pc = at;
        m.cpu.run();
        assertEquals(0x2222, m.x(0), "the decoded block is still used");
        m.write(CODE, 4, of("ic ivau, x2")).write(CODE + 4, 4, Machine.STOP).set(2, at);
        m.cpu.pc = CODE;
        m.cpu.run();
        m.cpu.pc = at;
        m.cpu.run();
        assertEquals(0x5555, m.x(0), "after IC IVAU the new instruction runs");
    }

    @Test
    void el0SystemRegisters() {
        Machine m = new Machine().set(0, 0xFFFF_FFFFL).run(of("msr nzcv, x0"), of("mrs x0, nzcv"));
        assertEquals(0xF000_0000L, m.x(0));
        assertEquals(0xF, m.nzcv());
        m = new Machine().set(0, 0x1234_5678_9ABC_DEF0L).run(of("msr tpidr_el0, x0"));
        m.set(0, 0).run(of("mrs x0, tpidr_el0"));
        assertEquals(0x1234_5678_9ABC_DEF0L, m.x(0));
        assertEquals(SystemRegister.CTR_VALUE, new Machine().run(of("mrs x0, ctr_el0")).x(0));
    }

    /** Linux: MRS of MIDR_EL1 without HWCAP_CPUID, of CNTPCT_EL0 (EL0PCTEN clear), MSR DAIFSet, TLBI: SIGILL. */
    @Test
    void undefinedAtEl0() {
        for (String insn : new String[]{"mrs x0, midr_el1", "mrs x0, cntpct_el0", "msr daifset, #0x2",
            "tlbi vmalle1"}) {
            Machine m = new Machine().set(0, 7).run(of("nop"), of(insn));
            assertNotNull(m.undefined, insn);
            assertEquals(CODE + 4, m.cpu.pc, insn + ": the signal is raised at the instruction");
            assertEquals(7, m.x(0), insn + " changed x0");
        }
        Machine m = new Machine().run(0x0B02_8020); // ADD (shifted register), 32-bit, shift amount 32: reserved
        assertNotNull(m.undefined);
    }

    @Test
    void hintsAndBarriersDoNothing() {
        Machine m = new Machine().set(0, 1).set(1, 2).nzcv(0b1010)
                .run(of("nop"), of("yield"), of("sb"), of("dmb ish"), of("isb"), of("clrex"));
        assertNull(m.fault);
        assertNull(m.undefined);
        assertEquals(1, m.x(0));
        assertEquals(2, m.x(1));
        assertEquals(0b1010, m.nzcv());
        assertEquals(Machine.DATA_END - 256, m.x(Reg.SP));
    }

    @Test
    void recognisedButUnimplementedStopsTheRunByName() {
        UnimplementedInstruction u = assertThrows(UnimplementedInstruction.class,
                () -> new Machine().run(of("nop"), of("pacia x0, x1")));
        assertTrue(u.getMessage().contains("0xdac10020"), u.getMessage());
        assertTrue(u.getMessage().contains("PAC_AUT"), u.getMessage());
        assertEquals(CODE + 4, u.pc());
        u = assertThrows(UnimplementedInstruction.class, () -> new Machine().run(of("cfinv")));
        assertTrue(u.getMessage().contains("CFINV"), u.getMessage());
    }
}
