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
 * Exclusives, load-acquire/store-release and the LSE atomics: results, the exclusive monitor (Arm ARM
 * AArch64.ExclusiveMonitorsPass / SetExclusiveMonitors, with qemu-user's single-core semantics), alignment
 * faults, and the transactions each makes: EXCL_LOAD / EXCL_STORE for exclusives (none for a failed store),
 * acquire/release flags, one ATOMIC transaction per LSE instruction.
 */
class ExclusiveAndAtomicTest {
    private static Machine machine() {
        return new Machine().write(DATA, 8, 5).write(DATA + 8, 8, 0x0123_4567_89AB_CDEFL).set(1, DATA).set(2, DATA + 8);
    }

    private static void kind(Transaction t, TransactionKind kind, int size, boolean acquire, boolean release) {
        assertEquals(kind, t.kind);
        assertEquals(size, t.size);
        assertEquals(acquire, t.acquire, "acquire");
        assertEquals(release, t.release, "release");
    }

    @Test
    void loadExclusiveThenStoreExclusiveSucceeds() {
        Machine m = machine().set(3, 9).observe()
                .run(of("ldxr x0, [x1]"), of("add x0, x0, #0x1"), of("stxr w3, x0, [x1]"));
        assertEquals(0, m.x(3));
        assertEquals(6, m.read(DATA, 8));
        assertEquals(2, m.transactions.size());
        kind(m.transactions.get(0), TransactionKind.EXCL_LOAD, 8, false, false);
        kind(m.transactions.get(1), TransactionKind.EXCL_STORE, 8, false, false);

        m = machine().observe().run(of("ldaxr w0, [x1]"), of("stlxr w3, w0, [x1]"));
        assertEquals(0, m.x(3));
        kind(m.transactions.get(0), TransactionKind.EXCL_LOAD, 4, true, false);
        kind(m.transactions.get(1), TransactionKind.EXCL_STORE, 4, false, true);
    }

    @Test
    void storeExclusiveFailsWithoutItsLoad() {
        Machine m = machine().set(0, 77).set(3, 9).observe().run(of("stxr w3, x0, [x1]"));
        assertEquals(1, m.x(3));
        assertEquals(5, m.read(DATA, 8), "a failed store-exclusive writes nothing");
        assertTrue(m.transactions.isEmpty(), "and makes no transaction");
        assertEquals(1, machine().run(of("ldxr x0, [x1]"), of("clrex"), of("stxr w3, x0, [x1]")).x(3));
        assertEquals(1, machine().run(of("ldxr x0, [x1]"), of("svc #0x0"), of("stxr w3, x0, [x1]")).x(3),
                "the exception return after a system call clears the monitor");
        assertEquals(1, machine().run(of("ldxr x0, [x1]"), of("stxr w3, x0, [x2]")).x(3), "another address");
        assertEquals(1, machine().run(of("ldxrh w0, [x1]"), of("stxrb w3, w0, [x1]")).x(3), "another size");
        assertEquals(1, machine().run(of("ldxr x0, [x1]"), of("stxr w3, x0, [x1]"), of("stxr w3, x0, [x1]")).x(3),
                "a store-exclusive clears the monitor whether or not it succeeds");
    }

    @Test
    void exclusivePairsAreOneTransactionOfBoth() {
        Machine m = machine().observe().run(of("ldxp x0, x2, [x1]"), of("stxp w3, x0, x2, [x1]"));
        assertEquals(0, m.x(3));
        assertEquals(5, m.x(0));
        assertEquals(0x0123_4567_89AB_CDEFL, m.x(2));
        kind(m.transactions.get(0), TransactionKind.EXCL_LOAD, 16, false, false);
        kind(m.transactions.get(1), TransactionKind.EXCL_STORE, 16, false, false);
    }

    @Test
    void orderedAccessesCarryTheirFlags() {
        Machine m = machine().observe().run(of("ldar x0, [x1]"), of("add x0, x0, #0x1"), of("stlr w0, [x1]"),
                of("ldapr x0, [x1]"), of("ldaprh w0, [x1]"));
        kind(m.transactions.get(0), TransactionKind.READ, 8, true, false);
        kind(m.transactions.get(1), TransactionKind.WRITE, 4, false, true);
        kind(m.transactions.get(2), TransactionKind.READ, 8, true, false);
        kind(m.transactions.get(3), TransactionKind.READ, 2, true, false);
        assertEquals(6, m.read(DATA, 8));
        assertEquals(6, m.x(0));
    }

    /** Natural alignment (of the whole pair for LDXP/STXP) or an alignment fault: SIGBUS BUS_ADRALN under Linux. */
    @Test
    void misalignedExclusiveAndOrderedAccessesFault() {
        assertAlignmentFault(machine().set(1, DATA + 4).run(of("ldxr x0, [x1]")), DATA + 4, Access.READ);
        assertAlignmentFault(machine().set(1, DATA + 8).run(of("ldxp x0, x2, [x1]")), DATA + 8, Access.READ);
        assertAlignmentFault(machine().set(1, DATA + 2).run(of("ldar x0, [x1]")), DATA + 2, Access.READ);
        assertAlignmentFault(machine().set(1, DATA + 2).run(of("stlr w0, [x1]")), DATA + 2, Access.WRITE);
        assertAlignmentFault(machine().set(1, DATA + 1).run(of("ldaprh w0, [x1]")), DATA + 1, Access.READ);
        // AArch64.ExclusiveMonitorsPass checks alignment before the monitor (qemu-user fails such a store
        // without a fault when its monitor is not armed there; real hardware and Linux raise SIGBUS).
        assertAlignmentFault(machine().set(1, DATA + 4).run(of("stxr w3, x0, [x1]")), DATA + 4, Access.WRITE);
        assertAlignmentFault(machine().set(1, DATA + 1).run(of("ldadd w2, w0, [x1]")), DATA + 1, Access.WRITE);
        assertAlignmentFault(machine().set(1, DATA + 8).run(of("caspl x2, x3, x4, x5, [x1]")), DATA + 8,
                Access.WRITE);
        // Ordinary accesses may be unaligned (SCTLR_EL1.A is clear under Linux).
        Machine m = machine().set(1, DATA + 3).run(of("ldr x0, [x1, #8]"));
        assertEquals(null, m.fault);
    }

    private static void assertAlignmentFault(Machine m, long address, int access) {
        assertNotNull(m.fault, "expected an alignment fault");
        assertEquals(GuestFault.Kind.ALIGNMENT, m.fault.kind());
        assertEquals(address, m.fault.address());
        assertEquals(access, m.fault.access());
    }

    @Test
    void loadOperationsAreOneAtomicTransaction() {
        Machine m = machine().set(2, 3).observe().run(of("ldadd w2, w0, [x1]"));
        assertEquals(5, m.x(0));
        assertEquals(8, m.read(DATA, 8));
        assertEquals(1, m.transactions.size());
        kind(m.transactions.get(0), TransactionKind.ATOMIC, 4, false, false);

        m = machine().write(DATA, 8, -1).set(2, 1).observe().run(of("ldaddal x2, x0, [x1]"));
        assertEquals(-1, m.x(0));
        assertEquals(0, m.read(DATA, 8));
        kind(m.transactions.get(0), TransactionKind.ATOMIC, 8, true, true);

        m = machine().write(DATA, 1, 0x80).set(2, 0x01).run(of("ldsmaxb w2, w0, [x1]"));
        assertEquals(0x80, m.x(0), "the old value, zero-extended");
        assertEquals(0x01, m.read(DATA, 1), "signed: max(-128, 1) = 1");
        m = machine().write(DATA, 1, 0x80).set(2, 0xFF).run(of("ldsmaxb w2, w0, [x1]"));
        assertEquals(0xFF, m.read(DATA, 1), "signed: max(-128, -1) = -1");
        m = machine().write(DATA, 8, 10).set(2, -1).run(of("ldumin x2, x0, [x1]"));
        assertEquals(10, m.read(DATA, 8), "unsigned: min(10, 2^64 - 1) = 10");

        m = machine().write(DATA, 4, 0xFF).set(2, 0x0F).set(0, 42).observe().run(of("stclrl w2, [x1]"));
        assertEquals(0xF0, m.read(DATA, 4));
        assertEquals(42, m.x(0), "ST<op> writes no register");
        kind(m.transactions.get(0), TransactionKind.ATOMIC, 4, false, true);

        m = machine().set(2, 99).observe().run(of("swpa x2, x0, [x1]"));
        assertEquals(5, m.x(0));
        assertEquals(99, m.read(DATA, 8));
        kind(m.transactions.get(0), TransactionKind.ATOMIC, 8, true, false);
    }

    @Test
    void compareAndSwap() {
        Machine m = machine().set(2, 5).set(0, 123).observe().run(of("cas x2, x0, [x1]"));
        assertEquals(123, m.read(DATA, 8));
        assertEquals(5, m.x(2));
        kind(m.transactions.get(0), TransactionKind.ATOMIC, 8, false, false);

        m = machine().set(2, 6).set(0, 123).observe().run(of("cas x2, x0, [x1]"));
        assertEquals(5, m.read(DATA, 8), "unequal: memory unchanged");
        assertEquals(5, m.x(2), "the old value is returned either way");
        assertEquals(1, m.transactions.size(), "and the access is still made");

        m = machine().set(2, 0xFFFF_FFFF_0000_0005L).set(0, 7).observe().run(of("casal w2, w0, [x1]"));
        assertEquals(7, m.read(DATA, 4), "the compare is of the low word only");
        assertEquals(5, m.x(2), "Ws written zero-extended");
        kind(m.transactions.get(0), TransactionKind.ATOMIC, 4, true, true);

        m = machine().set(2, 0x105).set(0, 0xAA).run(of("casb w2, w0, [x1]"));
        assertEquals(0xAA, m.read(DATA, 1));
        assertEquals(5, m.x(2));
    }

    @Test
    void compareAndSwapPairIsOneSixteenByteTransaction() {
        Machine m = machine().set(1, DATA).set(2, 5).set(3, 0x0123_4567_89AB_CDEFL).set(4, 11).set(5, 22).observe()
                .run(of("caspl x2, x3, x4, x5, [x1]"));
        assertEquals(11, m.read(DATA, 8));
        assertEquals(22, m.read(DATA + 8, 8));
        assertEquals(5, m.x(2));
        assertEquals(0x0123_4567_89AB_CDEFL, m.x(3));
        assertEquals(1, m.transactions.size());
        kind(m.transactions.get(0), TransactionKind.ATOMIC, 16, false, true);

        m = machine().set(2, 5).set(3, 0).set(4, 11).set(5, 22).run(of("caspl x2, x3, x4, x5, [x1]"));
        assertEquals(5, m.read(DATA, 8), "second register unequal: memory unchanged");
        assertEquals(0x0123_4567_89AB_CDEFL, m.x(3));
    }

    @Test
    void atomicsNeedWritePermission() {
        Machine m = new Machine().set(1, Machine.READ_ONLY).set(2, 1).run(of("ldadd w2, w0, [x1]"));
        assertEquals(GuestFault.Kind.PERMISSION, m.fault.kind());
        assertEquals(Access.WRITE, m.fault.access());
        m = new Machine().set(1, 0x7000_0000L).run(of("cas x2, x0, [x1]"));
        assertEquals(GuestFault.Kind.TRANSLATION, m.fault.kind());
        assertFalse(m.cpu.pc != Machine.CODE, "the faulting instruction did not retire");
    }
}
