package io.isotrace.cpu.bench;

import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Runs a guest program once with the caller's stdout/stderr (for comparing by hand with qemu-aarch64). */
public final class RunGuestOnce {
    private RunGuestOnce() {
    }

    public static void main(String[] args) {
        Path prog = Path.of(args[0]);
        List<String> argv = Arrays.asList(args);
        LinuxRun.Result r = new LinuxRun(prog, argv, LinuxRun.DEFAULT_ENV, new IdentityMemoryPort(new PhysicalMemory()),
                CpuConfig.defaults()).io(System.out, System.err, new PrintStream(System.err)).run();
        System.out.flush();
        System.exit(r.exitStatus());
    }
}
