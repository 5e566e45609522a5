package io.isotrace.controller.bench;

import io.isotrace.controller.Controller;
import io.isotrace.controller.ControllerBuilder;
import io.isotrace.controller.env.AccessRule;
import io.isotrace.controller.env.Environments;
import io.isotrace.controller.policy.gpc.GranuleProtection;
import io.isotrace.controller.policy.gpc.Gpi;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the controller, single-threaded, replay-style: transactions already decoded into reused
 * {@link Transaction}s are answered one after another (translated and checked, timed with a fixed memory latency).
 * Not a test: it prints a table. Two address patterns: "local" (each requester issues a run of accesses over a
 * few pages, as real traces do) and "uniform" (every access to a random one of all 100 000 mappings: the
 * translation cache misses nearly always, so this is the walk path). And the cost of switching an environment,
 * for environments holding one 4 KiB page, one 4 GiB block, or 100 000 pages.
 */
public final class ControllerBenchmark {
    public static final int ENVIRONMENTS = 256;
    public static final int MAPPINGS = 100_000;
    private static final int RING = 1 << 16;

    private final PrintWriter out;
    private final long transactionsPerRound;
    private final int rounds;

    public ControllerBenchmark(PrintWriter out, long transactionsPerRound, int rounds) {
        this.out = out;
        this.transactionsPerRound = transactionsPerRound;
        this.rounds = rounds;
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        new ControllerBenchmark(new PrintWriter(System.out, true), n, rounds).run();
    }

    /** A controller with 256 environments and 100 000 4 KiB mappings; requester r runs in environment r. */
    static Controller build(boolean withGpc) {
        ControllerBuilder b = new ControllerBuilder().memory(new PhysicalMemory(1L << 40));
        Environments envs = b.remapper(ENVIRONMENTS, MAPPINGS + 16);
        if (withGpc) {
            GranuleProtection gpc = new GranuleProtection(2, 0, 0, b.tablesBase()); // 40-bit PPS, 4 KiB granules
            gpc.setGpi(0, 1L << 36, Gpi.NON_SECURE.code());
            gpc.setEnabled(true);
            b.gpc(gpc);
        }
        Controller c = b.build();
        AccessRule rule = new AccessRule(1 << SecurityState.NON_SECURE.code(), 0b11, new long[]{-1, -1, -1, -1});
        for (int e = 0; e < ENVIRONMENTS; e++) {
            envs.create(e, "env" + e, rule);
        }
        // Scatter the PAs so no two mappings merge into a larger block.
        for (int i = 0; i < MAPPINGS; i++) {
            int env = i % ENVIRONMENTS;
            long page = i / ENVIRONMENTS;
            long ipa = 0x4000_0000L + page * 0x1000 * 3;
            long pa = 0x1_0000_0000L + (long) i * 0x2000;
            envs.map(env, ipa, pa, 0x1000, PageGrant.READ | PageGrant.WRITE | PageGrant.EXECUTE, null);
        }
        for (int r = 0; r < ENVIRONMENTS; r++) {
            envs.switchTo(r, r);
        }
        return c;
    }

    static Transaction[] workload(boolean local, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int pagesPerEnv = MAPPINGS / ENVIRONMENTS;
        Transaction[] ring = new Transaction[RING];
        int requester = 0;
        int hot = 0;
        for (int i = 0; i < RING; i++) {
            Transaction t = new Transaction();
            if (!local || i % 64 == 0) {
                requester = rnd.nextInt(ENVIRONMENTS);
                hot = rnd.nextInt(pagesPerEnv - 4);
            }
            long page = local ? hot + rnd.nextInt(4) : rnd.nextInt(pagesPerEnv);
            t.seq = i;
            t.requester = requester;
            t.ipa = 0x4000_0000L + page * 0x1000 * 3 + (rnd.nextInt(512) * 8L);
            t.size = 8;
            int k = rnd.nextInt(10);
            t.kind = k < 6 ? TransactionKind.READ : k < 9 ? TransactionKind.WRITE : TransactionKind.IFETCH;
            t.el = 0;
            t.unprivileged = true;
            t.security = SecurityState.NON_SECURE;
            ring[i] = t;
        }
        return ring;
    }

    /** One round: {@code n} answers; wall and this thread's CPU nanoseconds. */
    record Round(long n, long wallNs, long cpuNs) {
        double wallRate() {
            return n * 1e9 / wallNs;
        }

        double cpuRate() {
            return n * 1e9 / cpuNs;
        }
    }

    /** Transactions per second for one round of {@code n} answers (wall clock). */
    static double round(Controller c, Transaction[] ring, long n) {
        return timedRound(c, ring, n).wallRate();
    }

    static Round timedRound(Controller c, Transaction[] ring, long n) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long sink = loop(c, ring, n);
        long ns = System.nanoTime() - start;
        long cpuNs = mx.getCurrentThreadCpuTime() - cpu0;
        if (sink == Long.MIN_VALUE) {
            System.out.print("");
        }
        return new Round(n, ns, cpuNs);
    }

    private static long loop(Controller c, Transaction[] ring, long n) {
        long time = 0;
        int mask = ring.length - 1;
        long sink = 0;
        for (long i = 0; i < n; i++) {
            Transaction t = ring[(int) i & mask];
            t.timePs = time;
            time += 500;
            sink += c.answer(t);
        }
        return sink;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public void run() {
        out.println("isotrace controller benchmark: " + ENVIRONMENTS + " environments, " + MAPPINGS
                + " mappings, single thread, " + rounds + " rounds of " + transactionsPerRound + " transactions");
        out.println("JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs; load average (1 min) " + fmt(loadAverage()));
        out.println();
        out.printf("%-34s %20s   %20s %9s%n", "", "wall M/s", "cpu-time M/s", "");
        out.printf("%-34s %6s %6s %6s   %6s %6s %6s %9s%n", "workload", "min", "median", "max", "min", "median", "max",
                "hit rate");
        for (String[] w : new String[][]{{"local", "remap"}, {"local", "remap+gpc"}, {"uniform", "remap"}}) {
            Controller c = build(w[1].contains("gpc"));
            Transaction[] ring = workload(w[0].equals("local"), 42);
            round(c, ring, Math.min(transactionsPerRound, 5_000_000L)); // warm-up: JIT
            double[] wall = new double[rounds];
            double[] cpu = new double[rounds];
            long h0 = c.cache().hits();
            long m0 = c.cache().misses();
            for (int i = 0; i < rounds; i++) {
                Round r = timedRound(c, ring, transactionsPerRound);
                wall[i] = r.wallRate() / 1e6;
                cpu[i] = r.cpuRate() / 1e6;
            }
            double hit = (double) (c.cache().hits() - h0) / Math.max(1, c.cache().hits() - h0 + c.cache().misses() - m0);
            Arrays.sort(wall);
            Arrays.sort(cpu);
            out.printf("%-34s %6.1f %6.1f %6.1f   %6.1f %6.1f %6.1f %8.1f%%%n", w[0] + " addresses, " + w[1], wall[0],
                    wall[wall.length / 2], wall[wall.length - 1], cpu[0], cpu[cpu.length / 2], cpu[cpu.length - 1],
                    hit * 100);
            if (c.stats().transactions != c.stats().allowed) {
                out.println("  (unexpected refusals: " + c.stats().refused() + ")");
            }
        }
        out.println("load average (1 min) after: " + fmt(loadAverage()));
        out.println();
        switchCost();
    }

    static String fmt(double load) {
        return load < 0 ? "n/a" : String.format("%.2f", load);
    }

    private void switchCost() {
        out.printf("%-48s %14s %14s%n", "environment switch (requester 0, A<->B)", "ns/switch", "notifications");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"1 x 4 KiB page each", "page"});
        rows.add(new String[]{"1 x 2 MiB block each", "2m"});
        rows.add(new String[]{"1 x 4 GiB block each", "4g"});
        rows.add(new String[]{"50 000 x 4 KiB pages each", "many"});
        for (String[] row : rows) {
            ControllerBuilder b = new ControllerBuilder().memory(new PhysicalMemory(1L << 40));
            Environments envs = b.remapper(4, 120_000);
            Controller c = b.build();
            envs.create(0, "a", null);
            envs.create(1, "b", null);
            for (int e = 0; e < 2; e++) {
                long paBase = (e + 1L) << 34;
                switch (row[1]) {
                    case "page" -> envs.map(e, 0, paBase, 0x1000, PageGrant.ALL, null);
                    case "2m" -> envs.map(e, 0, paBase, 1L << 21, PageGrant.ALL, null);
                    case "4g" -> envs.map(e, 0, paBase, 1L << 32, PageGrant.ALL, null);
                    default -> {
                        for (int i = 0; i < 50_000; i++) {
                            envs.map(e, (long) i << 13, paBase + ((long) i << 13), 0x1000, PageGrant.ALL, null);
                        }
                    }
                }
            }
            c.addInvalidationListener((mask, env, lo, hi) -> { });
            int n = 2_000_000;
            for (int i = 0; i < n; i++) {
                envs.switchTo(0, i & 1); // warm-up
            }
            long n0 = c.invalidations().notifications();
            double best = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    envs.switchTo(0, i & 1);
                }
                best = Math.min(best, (System.nanoTime() - start) / (double) n);
            }
            out.printf("%-48s %14.1f %14.2f%n", row[0], best,
                    (c.invalidations().notifications() - n0) / (double) (n * (long) rounds));
        }
    }
}
