package io.isotrace.cpu.linux;

import io.isotrace.cpu.StopReason;
import io.isotrace.trace.record.Transaction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Process behaviour qemu-aarch64 cannot be the reference for here (it hands execve to the host kernel), asserted
 * against what Linux does (fs/exec.c, kernel/fork.c vfork semantics), and what only Isotrace has: separate address
 * spaces by IPA and ASID in the trace, and determinism of the whole transaction stream.
 */
class LinuxProcessTest {
    @Test
    void vforkThenExecOfProcSelfExeRunsTheProgramAgain() {
        Guests.Ran r = Guests.run(Guests.prepare("linux_exec"));
        assertEquals("exec'd again with argv[1]\nvfork child wrote the parent's memory\nchild exited 5\n", r.out(),
                r.diag());
        assertEquals(0, r.result().exitStatus());
        assertEquals(2, r.result().processes());
    }

    @Test
    void aVforkChildSharesItsParentsAddressSpaceUntilItExecs() {
        Recorder rec = new Recorder();
        Guests.Ran r = Guests.run(Guests.prepare("linux_exec").sink(rec));
        assertEquals(0, r.result().exitStatus(), r.diag());
        Set<Long> asids = new HashSet<>();
        for (long[] t : rec.records) {
            asids.add(t[7]);
            if (t[7] == 1001) {
                assertTrue(t[4] >= 1L << 47, "after execve the child has pages of its own");
            } else {
                assertEquals(t[3], t[4], "the parent's space (borrowed by the vfork child) is identity-mapped");
            }
        }
        assertEquals(Set.of(1000L, 1001L), asids);
    }

    /** Records every transaction's fields; several processes in one trace. */
    private static final class Recorder implements io.isotrace.trace.record.TransactionSink {
        final List<long[]> records = new ArrayList<>();

        @Override
        public void accept(Transaction t) {
            records.add(new long[] {t.seq, t.timePs, t.pc, t.va, t.ipa, t.size, t.kind.ordinal(), t.asid,
                t.acquire ? 1 : 0, t.release ? 1 : 0, t.pa});
        }

        long hash() {
            long h = 1125899906842597L;
            for (long[] r : records) {
                for (long v : r) {
                    h = 31 * h + v;
                }
            }
            return h;
        }
    }

    @Test
    void forkedChildrenHaveTheirOwnIpasAndAsidAndTheStreamIsDeterministic() {
        Recorder a = new Recorder();
        Guests.Ran ra = Guests.run(Guests.prepare("linux_fork").sink(a));
        Recorder b = new Recorder();
        Guests.run(Guests.prepare("linux_fork").sink(b));
        assertEquals(0, ra.result().exitStatus(), ra.diag());
        assertTrue(a.records.size() > 20, "transactions: " + a.records.size());
        assertEquals(a.records.size(), b.records.size());
        assertEquals(a.hash(), b.hash(), "two runs of the same program must make the same transactions");
        Set<Long> asids = new HashSet<>();
        long prevSeq = -1;
        long prevTime = -1;
        for (long[] r : a.records) {
            assertEquals(prevSeq + 1, r[0], "sequence numbers continue across processes");
            assertTrue(r[1] >= prevTime, "time never goes back");
            prevSeq = r[0];
            prevTime = r[1];
            long va = r[3];
            long ipa = r[4];
            long asid = r[7];
            asids.add(asid);
            if (asid == LinuxIds.FIRST_PID) {
                assertEquals(va, ipa, "the first process is identity-mapped");
            } else {
                assertTrue(ipa >= 1L << 47 && ipa < 1L << 48, "a child's pages come from [2^47, 2^48)");
                assertEquals(va & 0xFFF, ipa & 0xFFF);
            }
        }
        assertEquals(Set.of(1000L, 1001L, 1002L), asids, "parent and two children by ASID");
        assertEquals(ra.result().transactions(), a.records.size());
    }

    @Test
    void theMemorySystemHearsFromOneListenerWhateverTheNumberOfProcesses() {
        java.util.List<io.isotrace.trace.port.InvalidationListener> listeners = new ArrayList<>();
        io.isotrace.trace.port.IdentityMemoryPort id = new io.isotrace.trace.port.IdentityMemoryPort(
                new io.isotrace.trace.port.PhysicalMemory());
        io.isotrace.trace.port.MemoryPort port = new io.isotrace.trace.port.MemoryPort() {
            @Override
            public void access(Transaction t) {
                id.access(t);
            }

            @Override
            public boolean grant(Transaction probe, io.isotrace.trace.port.PageGrant out) {
                return id.grant(probe, out);
            }

            @Override
            public void addInvalidationListener(io.isotrace.trace.port.InvalidationListener l) {
                listeners.add(l);
            }
        };
        Guests.Ran r = Guests.run(Guests.prepare("linux_fork").port(port));
        assertEquals(0, r.result().exitStatus(), r.diag());
        assertEquals(3, r.result().processes());
        assertEquals(1, listeners.size(), "dead processes' cores must not stay registered with the controller");
        // an invalidation after the run reaches no dead core (and does not fail)
        listeners.get(0).invalidate(-1L, 0, 0, 1L << 48);
    }

    @Test
    void with39BitAddressesEveryIpaFitsUnderOneTebibyte() {
        Recorder rec = new Recorder();
        Guests.Ran r = Guests.run(Guests.prepare("linux_procs").vaBits(39).sink(rec).port(
                new io.isotrace.trace.port.IdentityMemoryPort(new io.isotrace.trace.port.PhysicalMemory(1L << 40))));
        assertEquals(134, r.result().exitStatus(), r.diag());
        assertTrue(r.out().contains("stack overflow caught on the alternate stack"), r.out());
        long maxIpa = 0;
        for (long[] t : rec.records) {
            maxIpa = Math.max(maxIpa, t[4]);
            if (t[7] == LinuxIds.FIRST_PID) {
                assertTrue(t[4] < 1L << 38, "the first process lives in the lower half");
            }
        }
        assertTrue(maxIpa >= 1L << 38 && maxIpa < 1L << 39, Long.toHexString(maxIpa));
    }

    @Test
    void instructionLimitStopsTheRunCleanly() {
        Guests.Ran r = Guests.run(Guests.prepare("linux_fork").maxInstructions(50));
        assertEquals(StopReason.INSTRUCTION_LIMIT, r.result().stop());
        assertEquals(LinuxRun.EXIT_INSTRUCTION_LIMIT, r.result().exitStatus());
        assertEquals(50, r.result().instructions());
        assertTrue(r.diag().contains("stopped after 50 instructions"), r.diag());
    }

    @Test
    void straceLogsCallsArgumentsAndResults() {
        Guests.Ran r = Guests.run(Guests.prepare("hello_asm").strace(true));
        assertEquals("write(1, \"hello from asm\\n\", 15) = 15\nexit_group(7) = ?\n+++ exited with 7 +++\n", r.diag());
        Guests.Ran f = Guests.run(Guests.prepare("linux_fork").strace(true));
        assertTrue(f.diag().contains("pipe2(0x"), f.diag());
        assertTrue(f.diag().contains("[pid 1001] write(4, \"child says hi\\n\", 14) = 14"), f.diag());
        assertTrue(f.diag().contains("wait4(-1, 0x"), f.diag());
        assertTrue(f.diag().contains("= -1 ECHILD (No child processes)"), f.diag());
        assertTrue(f.diag().contains("[pid 1002] write(5, \"c\", 1) = -1 EPIPE (Broken pipe)\n"
                + "[pid 1002] --- SIGPIPE {si_signo=SIGPIPE, si_code=0, si_pid=1002} ---\n"
                + "[pid 1002] +++ killed by SIGPIPE +++\n"), f.diag());
        assertTrue(f.diag().contains("[pid 1001] +++ exited with 3 +++"), f.diag());
    }

    @Test
    void unknownSyscallsWarnOncePerNumberByName() {
        Guests.Ran r = Guests.run(Guests.prepare("linux_unknown"));
        assertEquals("ENOSYS\nENOSYS\nENOSYS\n", r.out());
        List<String> lines = r.diag().lines().toList();
        assertEquals(2, lines.size(), r.diag());
        assertTrue(lines.get(0).startsWith("isotrace: warning: unimplemented syscall memfd_secret (447) at PC 0x"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("isotrace: warning: unimplemented syscall syscall_500 (500)"),
                lines.get(1));
    }

    @Test
    void unhandledFaultNamesSignalPcAddressAndAccess() {
        Guests.Ran r = Guests.run(Guests.prepare("linux_signal"));
        assertEquals(139, r.result().exitStatus());
        assertTrue(r.diag().matches("isotrace: guest killed by SIGSEGV at PC 0x[0-9a-f]+: write address 0x20 "
                + "\\(translation\\)\n"), r.diag());
    }
}
