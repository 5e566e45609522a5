package io.isotrace.cpu.difftest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * busybox applets that run other programs themselves (xargs, timeout: execvp, not the shell): qemu-user cannot be
 * the reference for them here - it hands execve("/proc/self/exe") to the host kernel, which cannot run an AArch64
 * file without binfmt_misc, and glibc's execvp then hands the file to /bin/sh - so the expected results are what
 * busybox on Linux prints (the shell reports a child killed by SIGTERM as "Terminated" and status 143).
 */
@Tag("reference")
class BusyboxBehaviourTest {
    @TempDir
    Path tmp;

    private Outcome run(String script) throws Exception {
        Assumptions.assumeTrue(Tools.busyboxPresent(), Tools.busyboxMissing());
        Path f = BusyboxCases.fixture(tmp);
        GuestRun run = GuestRun.of("sh", Tools.BUSYBOX).args(List.of("sh", "-c", script)).inWritable(f);
        IsotraceRunner.Result r = IsotraceRunner.run(run);
        return r.outcome();
    }

    @Test
    void xargsRunsApplets() throws Exception {
        Outcome o = run("echo a b c | xargs -n1 echo; find . -name '*.txt' | sort | xargs wc -l");
        assertEquals("a\nb\nc\n        3 ./a.txt\n        3 ./csv.txt\n        1 ./dir/b.txt\n"
                + "        1 ./dir/nested/c.txt\n        4 ./numbers.txt\n       12 total\n", o.out());
        assertEquals(0, o.exit());
    }

    /**
     * A script without #! fails execve with ENOEXEC; ash then runs it with itself, by execve("/proc/self/exe", "sh",
     * script) - which qemu-user cannot do here.
     */
    @Test
    void aScriptWithoutInterpreterLineRunsInTheShell() throws Exception {
        Outcome o = run("cd dir; printf 'echo plain $1 $0\\n' > ../p.sh; chmod +x ../p.sh; ../p.sh one; echo status $?");
        assertEquals("plain one ../p.sh\nstatus 0\n", o.out(), o.err());
    }

    @Test
    void timeoutLetsAFastCommandFinishAndKillsASlowOne() throws Exception {
        Outcome o = run("echo x | timeout 5 cat; timeout 1 sleep 3; echo status $?");
        assertEquals("x\nstatus 143\n", o.out());
        assertEquals("Terminated\n", o.err());
    }
}
