package io.isotrace.cpu.difftest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Outside --writable directories the guest's tree is a read-only file system; nothing escapes --root. */
    @Test
    void theRootIsReadOnlyAndConfining() throws Exception {
        Assumptions.assumeTrue(Tools.busyboxPresent(), Tools.busyboxMissing());
        Path f = BusyboxCases.fixture(tmp);
        GuestRun run = GuestRun.of("sh", Tools.BUSYBOX).args(List.of("sh", "-c",
                "touch new; echo $?; rm a.txt; mkdir d; echo x > a.txt; cd ../../..; pwd; ls; cat /proc/self/cwd/a.txt"))
                .in(f);
        Outcome o = IsotraceRunner.run(run).outcome();
        assertEquals("1\n/\na.txt\ncsv.txt\ndir\nempty\nlink\nnumbers.txt\nalpha\nbeta\ngamma\n", o.out());
        assertEquals("touch: new: Read-only file system\nrm: can't remove 'a.txt': Read-only file system\n"
                + "mkdir: can't create directory 'd': Read-only file system\nsh: can't create a.txt: Read-only file "
                + "system\n", o.err());
        assertEquals("alpha\nbeta\ngamma\n", java.nio.file.Files.readString(f.resolve("a.txt")));
    }

    /** Isotrace's /proc: what ps, free, df and uptime read, the same on every host. */
    @Test
    void procFilesDescribeTheSimulatedSystem() throws Exception {
        Outcome o = run("cat /proc/self/cmdline | tr '\\0' ' '; echo; head -n 2 /proc/self/status; "
                + "grep Features /proc/cpuinfo; df / | tail -n 1; free | head -n 2 | tail -n 1; ls /proc; "
                + "grep -c sigpage /proc/self/maps; readlink /proc/self/exe; sleep 3; cat /proc/uptime");
        assertEquals("cat /proc/self/cmdline \nName:\thead\nUmask:\t0022\nFeatures\t: fp asimd pmull crc32\n"
                + "/dev/root              4194304   2097152   2097152  50% /\n"
                + "Mem:        4194304     1048576     3145728           0           0     3145728\n"
                + "1000\n1010\ncpuinfo\nloadavg\nmeminfo\nmounts\nself\nuptime\nversion\n1\n"
                + Tools.BUSYBOX.toRealPath() + "\n", o.out().substring(0, o.out().lastIndexOf('\n',
                o.out().length() - 2) + 1));
        assertTrue(o.out().endsWith(" 0.00\n") && o.out().contains("\n3."), o.out());
    }

    @Test
    void timeoutLetsAFastCommandFinishAndKillsASlowOne() throws Exception {
        Outcome o = run("echo x | timeout 5 cat; timeout 1 sleep 3; echo status $?");
        assertEquals("x\nstatus 143\n", o.out());
        assertEquals("Terminated\n", o.err());
    }
}
