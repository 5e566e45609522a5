package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Insn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs batches of cases under Isotrace (and qemu) and compares the outcomes case by case. */
final class CaseRunner {
    /** Cases per generated executable. */
    static final int BATCH = 400;

    private CaseRunner() {
    }

    /** The outcome of each case under Isotrace, as diff text ("?" when the run stopped before it). */
    static List<String> isotrace(List<SimdCase> cases, StringBuilder problems) throws IOException {
        return run(cases, problems, false, false);
    }

    /** As {@link #isotrace}, with every memory access observed (a transaction sink attached). */
    static List<String> isotraceObserved(List<SimdCase> cases, StringBuilder problems) throws IOException {
        return run(cases, problems, false, true);
    }

    /** The outcome of each case under qemu-aarch64 -cpu cortex-a53. */
    static List<String> qemu(List<SimdCase> cases, StringBuilder problems) throws IOException {
        return run(cases, problems, true, false);
    }

    private static List<String> run(List<SimdCase> cases, StringBuilder problems, boolean qemu, boolean observed)
            throws IOException {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < cases.size(); from += BATCH) {
            List<SimdCase> batch = cases.subList(from, Math.min(cases.size(), from + BATCH));
            CaseProgram prog = new CaseProgram(batch);
            Path elf = Runners.write(prog.build());
            Runners.Output o;
            try {
                o = qemu ? Runners.qemu(elf) : Runners.isotrace(elf, observed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } finally {
                Files.deleteIfExists(elf);
            }
            List<VState> finals = prog.parse(o.stdout());
            for (int k = 0; k < batch.size(); k++) {
                out.add(k < finals.size() ? finals.get(k).diffText(batch.get(k).input()) : "?");
            }
            if (o.problem() != null) {
                problems.append(qemu ? "qemu: " : "isotrace: ").append("batch at case ").append(from)
                        .append(" stopped after ").append(finals.size()).append(" cases: ").append(o.problem())
                        .append('\n');
            }
        }
        return out;
    }

    /** A readable account of one failing case. */
    static String describe(int index, SimdCase c, String expected, String actual) {
        Insn i = new Insn();
        A64.decoder().decode(c.word(), 0, i);
        return String.format("case %d: %08x  %s  [%s]%n  input:    %s%n  expected: %s%n  actual:   %s%n", index,
                c.word(), i, i.encoding == null ? "undefined" : i.encoding.name(), c.spec(), expected,
                actual);
    }

    /** Compares and returns the failures' descriptions (at most {@code limit}) and the failure count. */
    static int compare(List<SimdCase> cases, List<String> expected, List<String> actual, StringBuilder report,
                       int limit) {
        int failures = 0;
        for (int k = 0; k < cases.size(); k++) {
            if (!expected.get(k).equals(actual.get(k))) {
                if (failures < limit) {
                    report.append(describe(k, cases.get(k), expected.get(k), actual.get(k)));
                }
                failures++;
            }
        }
        return failures;
    }
}
