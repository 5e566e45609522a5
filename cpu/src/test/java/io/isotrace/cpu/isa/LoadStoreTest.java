package io.isotrace.cpu.isa;

import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.GuestFault;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import static io.isotrace.cpu.isa.Machine.DATA;
import static io.isotrace.cpu.isa.Words.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General-register loads and stores: every addressing form's address, write-back and extension (Arm ARM
 * LDR/STR (immediate, register, literal), LDP/STP/LDPSW/LDNP/STNP, LDTR/STTR), and the transactions they make:
 * one per access (one of twice the size for a pair), one per page for an access that straddles two.
 */
class LoadStoreTest {
    private static Machine machine() {
        Machine m = new Machine();
        for (int k = 0; k < 64; k++) {
            m.write(DATA + 8L * k, 8, 0x0101_0101_0101_0101L * k ^ 0x8877_6655_4433_2211L);
        }
        return m;
    }

    private static long word(Machine m, long va) {
        return m.read(va, 8);
    }

    @Test
    void immediateOffsetsAndWriteBack() {
        Machine m = machine().set(1, DATA).observe().run(of("ldr x0, [x1, #8]"));
        assertEquals(word(m, DATA + 8), m.x(0));
        assertEquals(1, m.transactions.size());
        Transaction t = m.transactions.get(0);
        assertEquals(TransactionKind.READ, t.kind);
        assertEquals(DATA + 8, t.va);
        assertEquals(8, t.size);
        assertFalse(t.acquire);

        m = machine().set(1, DATA + 16).run(of("ldr x0, [x1, #-8]!"));
        assertEquals(word(m, DATA + 8), m.x(0));
        assertEquals(DATA + 8, m.x(1));
        m = machine().set(1, DATA).run(of("ldr x0, [x1], #16"));
        assertEquals(word(m, DATA), m.x(0));
        assertEquals(DATA + 16, m.x(1));
        m = machine().set(1, DATA + 3).run(of("ldur w0, [x1, #-3]"));
        assertEquals(word(m, DATA) & 0xFFFF_FFFFL, m.x(0));
    }

    @Test
    void signExtendingLoads() {
        Machine m = machine().write(DATA, 8, 0x8000_0000_8001_FF80L).set(1, DATA);
        assertEquals(0xFFFF_FF80L, m.run(of("ldrsb w0, [x1]")).x(0), "LDRSB to W zero-extends above bit 31");
        assertEquals(-1, m.run(of("ldrsb x0, [x1, #1]")).x(0));
        assertEquals(0xFFFF_FF80L, m.write(DATA, 2, 0xFF80).run(of("ldrsh w0, [x1]")).x(0));
        assertEquals(0xFFFF_FFFF_8000_0000L, m.run(of("ldrsw x0, [x1, #4]")).x(0));
    }

    @Test
    void unprivilegedFormsAreOrdinaryAccessesAtEl0() {
        Machine m = machine().set(1, DATA).observe().run(of("ldtr x0, [x1, #8]"));
        assertEquals(word(m, DATA + 8), m.x(0));
        assertTrue(m.transactions.get(0).unprivileged);
        m = machine().set(1, DATA).set(0, 0xABCD).run(of("sttrb w0, [x1, #1]"));
        assertEquals(0xCD, m.read(DATA + 1, 1));
    }

    @Test
    void registerOffsets() {
        Machine m = machine().set(1, DATA + 64).set(2, -1).set(0, 0x1234).run(of("str x0, [x1, x2, lsl #3]"));
        assertEquals(0x1234, word(m, DATA + 56));
        m = machine().set(1, DATA).set(2, 0xFFFF_FFFF_0000_0003L).run(of("ldr w0, [x1, w2, uxtw #2]"));
        assertEquals(m.read(DATA + 12, 4), m.x(0), "UXTW ignores the upper half of the index");
        m = machine().set(1, DATA + 16).set(2, 0x1234_5678_FFFF_FFF8L).run(of("ldr x0, [x1, w2, sxtw]"));
        assertEquals(word(m, DATA + 8), m.x(0), "SXTW makes the low word signed");
        m = machine().set(1, DATA).set(2, 5).run(of("ldrb w0, [x1, x2]"));
        assertEquals(m.read(DATA + 5, 1), m.x(0));
        m = machine().set(1, DATA).set(2, 5).run(of("ldrh w0, [x1, x2, lsl #1]"));
        assertEquals(m.read(DATA + 10, 2), m.x(0));
    }

    /** The literal is 16 bytes on: after the load, a stop word and two words of filler. */
    @Test
    void literals() {
        int lo = 0x8765_4321;
        int hi = 0x1234_5678;
        Machine m = machine().run(of("ldr x0, .+16"), Machine.STOP, 0, 0, lo, hi);
        assertEquals(0x1234_5678_8765_4321L, m.x(0));
        assertEquals(0x8765_4321L, machine().run(of("ldr w0, .+16"), Machine.STOP, 0, 0, lo, hi).x(0));
        assertEquals(0xFFFF_FFFF_8765_4321L, machine().run(of("ldrsw x0, .+16"), Machine.STOP, 0, 0, lo, hi).x(0));
    }

    @Test
    void pairsAreOneTransactionOfTwiceTheSize() {
        Machine m = machine().set(1, DATA).observe().run(of("ldp x0, x2, [x1]"));
        assertEquals(word(m, DATA), m.x(0));
        assertEquals(word(m, DATA + 8), m.x(2));
        assertEquals(1, m.transactions.size());
        assertEquals(16, m.transactions.get(0).size);
        assertEquals(TransactionKind.READ, m.transactions.get(0).kind);

        m = machine().set(1, DATA + 8).run(of("ldp w0, w2, [x1, #-8]!"));
        assertEquals(word(m, DATA) & 0xFFFF_FFFFL, m.x(0));
        assertEquals(word(m, DATA) >>> 32, m.x(2));
        assertEquals(DATA, m.x(1));

        m = machine().write(DATA, 8, 0x8000_0000_7FFF_FFFFL).set(1, DATA).run(of("ldpsw x0, x2, [x1], #8"));
        assertEquals(0x7FFF_FFFFL, m.x(0));
        assertEquals(0xFFFF_FFFF_8000_0000L, m.x(2));
        assertEquals(DATA + 8, m.x(1));

        m = machine().set(1, DATA).set(0, 11).set(2, 22).observe().run(of("stp x0, x2, [x1, #16]"));
        assertEquals(11, word(m, DATA + 16));
        assertEquals(22, word(m, DATA + 24));
        assertEquals(1, m.transactions.size());
        assertEquals(TransactionKind.WRITE, m.transactions.get(0).kind);
        assertEquals(16, m.transactions.get(0).size);

        m = machine().set(1, DATA).run(of("ldnp x0, x2, [x1]"));
        assertEquals(word(m, DATA + 8), m.x(2));
        m = machine().set(1, DATA).set(0, 0xAAAA_AAAA_1111_1111L).set(2, 0x2222_2222).run(of("stnp w0, w2, [x1, #8]"));
        assertEquals(0x2222_2222_1111_1111L, word(m, DATA + 8));
    }

    @Test
    void anAccessStraddlingAPageIsOneTransactionPerPage() {
        long boundary = DATA + 4096;
        Machine m = machine().write(boundary - 2, 2, 0xC3D4).write(boundary, 2, 0xA1B2).set(1, boundary).observe()
                .run(of("ldur w0, [x1, #-2]"));
        assertEquals(0xA1B2_C3D4L, m.x(0));
        assertEquals(2, m.transactions.size());
        assertEquals(boundary - 2, m.transactions.get(0).va);
        assertEquals(2, m.transactions.get(0).size);
        assertEquals(boundary, m.transactions.get(1).va);
        assertEquals(2, m.transactions.get(1).size);
    }

    @Test
    void faultsNameTheAddressAndAccess() {
        Machine m = machine().set(1, 0x7000_0000L).run(of("ldr x0, [x1, #8]"));
        assertNotNull(m.fault);
        assertEquals(GuestFault.Kind.TRANSLATION, m.fault.kind());
        assertEquals(0x7000_0008L, m.fault.address());
        m = machine().set(1, Machine.READ_ONLY).run(of("str w0, [x1]"));
        assertEquals(GuestFault.Kind.PERMISSION, m.fault.kind());
        assertEquals(Access.WRITE, m.fault.access());
        assertEquals(Machine.CODE, m.cpu.pc, "the faulting instruction did not retire");
    }
}
