package io.isotrace.cpu.linux;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A developer's command line for running a guest from the test class path (until {@code isotrace run} exists):
 * {@code RunGuest [--strace] [--root DIR] [--writable DIR] [--max N] PROGRAM [ARGS...]}.
 */
public final class RunGuest {
    private RunGuest() {
    }

    public static void main(String[] args) {
        int i = 0;
        boolean strace = false;
        Path root = null;
        List<Path> writable = new ArrayList<>();
        long max = -1;
        while (i < args.length && args[i].startsWith("--")) {
            switch (args[i]) {
                case "--strace":
                    strace = true;
                    i++;
                    break;
                case "--root":
                    root = Path.of(args[i + 1]);
                    i += 2;
                    break;
                case "--writable":
                    writable.add(Path.of(args[i + 1]));
                    i += 2;
                    break;
                case "--max":
                    max = Long.parseLong(args[i + 1]);
                    i += 2;
                    break;
                default:
                    throw new IllegalArgumentException(args[i]);
            }
        }
        Path prog = Path.of(args[i]);
        List<String> argv = new ArrayList<>(Arrays.asList(args).subList(i, args.length));
        LinuxRun run = new LinuxRun(prog).argv(argv).root(root).writable(writable).strace(strace)
                .io(System.in, System.out, System.err, new PrintStream(System.err, true));
        if (max > 0) {
            run.maxInstructions(max);
        }
        long t0 = System.nanoTime();
        LinuxRun.Result r = run.run();
        long t1 = System.nanoTime();
        System.out.flush();
        if (System.getenv("ISOTRACE_STATS") != null) {
            System.err.printf("[%s status=%d insns=%d procs=%d %.1f MIPS]%n", r.stop(), r.exitStatus(),
                    r.instructions(), r.processes(), r.instructions() / ((t1 - t0) / 1e3));
        }
        System.exit(r.exitStatus());
    }
}
