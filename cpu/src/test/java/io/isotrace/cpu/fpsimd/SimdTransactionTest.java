package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every SIMD&amp;FP load and store is ONE transaction (per page touched) of its full size, of kind READ or WRITE,
 * at the address the instruction accesses: checked on the transactions Isotrace reports while it runs a program
 * of single-instruction cases with a recording sink attached (which also drives the observed, one-transaction
 * paths of the executor). The words were assembled by aarch64-linux-gnu-as from the listed assembly.
 */
class SimdTransactionTest {
    /** word, assembly, access size, kind, offset of the access from x1 (the scratch window start + 64). */
    private record Access(int word, String asm, int size, TransactionKind kind, int offset) {
    }

    private static final List<Access> ACCESSES = List.of(
            new Access(0x3DC00020, "ldr q0, [x1]", 16, TransactionKind.READ, 0),
            new Access(0x3D800420, "str q0, [x1, #16]", 16, TransactionKind.WRITE, 16),
            new Access(0x3D400C20, "ldr b0, [x1, #3]", 1, TransactionKind.READ, 3),
            new Access(0x7D400420, "ldr h0, [x1, #2]", 2, TransactionKind.READ, 2),
            new Access(0xBD400420, "ldr s0, [x1, #4]", 4, TransactionKind.READ, 4),
            new Access(0xFD400420, "ldr d0, [x1, #8]", 8, TransactionKind.READ, 8),
            new Access(0xAD400420, "ldp q0, q1, [x1]", 32, TransactionKind.READ, 0),
            new Access(0xAD010420, "stp q0, q1, [x1, #32]", 32, TransactionKind.WRITE, 32),
            new Access(0x6D400420, "ldp d0, d1, [x1]", 16, TransactionKind.READ, 0),
            new Access(0x2D400420, "ldp s0, s1, [x1]", 8, TransactionKind.READ, 0),
            new Access(0x4C402020, "ld1 {v0.16b-v3.16b}, [x1]", 64, TransactionKind.READ, 0),
            new Access(0x4C002020, "st1 {v0.16b-v3.16b}, [x1]", 64, TransactionKind.WRITE, 0),
            new Access(0x0C40A020, "ld1 {v0.8b, v1.8b}, [x1]", 16, TransactionKind.READ, 0),
            new Access(0x4C400020, "ld4 {v0.16b-v3.16b}, [x1]", 64, TransactionKind.READ, 0),
            new Access(0x4C004820, "st3 {v0.4s-v2.4s}, [x1]", 48, TransactionKind.WRITE, 0),
            new Access(0x4D40C820, "ld1r {v0.4s}, [x1]", 4, TransactionKind.READ, 0),
            new Access(0x4D60EC20, "ld4r {v0.2d-v3.2d}, [x1]", 32, TransactionKind.READ, 0),
            new Access(0x0D401420, "ld1 {v0.b}[5], [x1]", 1, TransactionKind.READ, 0),
            new Access(0x0D209020, "st2 {v0.s, v1.s}[1], [x1]", 8, TransactionKind.WRITE, 0),
            new Access(0x4CDFA020, "ld1 {v0.16b, v1.16b}, [x1], #32", 32, TransactionKind.READ, 0),
            new Access(0x3CE27820, "ldr q0, [x1, x2, lsl #4]", 16, TransactionKind.READ, 48));

    private record Seen(long pc, long va, int size, TransactionKind kind) {
    }

    @Test
    void eachAccessIsOneTransactionOfItsFullSize() throws Exception {
        List<SimdCase> cases = new ArrayList<>();
        long base = CaseProgram.SCRATCH + 64;
        for (Access a : ACCESSES) {
            cases.add(new SimdCase(a.word(), "style=1 x1=" + Long.toHexString(base) + " x2=3"));
        }
        CaseProgram prog = new CaseProgram(cases);
        Path elf = Runners.write(prog.build());
        List<Seen> seen = new ArrayList<>();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            new LinuxRun(elf).argv(List.of("simdcases")).io(out, err, new PrintStream(err))
                    .sink(t -> seen.add(new Seen(t.pc, t.va, t.size, t.kind))).run();
            assertEquals(cases.size(), prog.parse(out.toByteArray()).size(), err.toString());
        } finally {
            Files.deleteIfExists(elf);
        }
        for (int k = 0; k < ACCESSES.size(); k++) {
            Access a = ACCESSES.get(k);
            long pc = prog.testPc(k);
            List<Seen> mine = new ArrayList<>();
            for (Seen s : seen) {
                if (s.pc() == pc && s.kind() != TransactionKind.IFETCH) {
                    mine.add(s);
                }
            }
            assertEquals(List.of(new Seen(pc, base + a.offset(), a.size(), a.kind())), mine, a.asm());
        }
    }

    @Test
    void anAccessAcrossAPageIsOneTransactionPerPage() throws Exception {
        // ldp q0, q1, [x1] with x1 8 bytes below a page boundary: 8 bytes in one page, 24 in the next.
        long pageEnd = (CaseProgram.SCRATCH + 4096) & ~4095L;
        List<SimdCase> cases = List.of(new SimdCase(0xAD400420, "x1=" + Long.toHexString(pageEnd - 8)));
        CaseProgram prog = new CaseProgram(cases);
        Path elf = Runners.write(prog.build());
        List<Seen> seen = new ArrayList<>();
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            new LinuxRun(elf).argv(List.of("simdcases")).io(new ByteArrayOutputStream(), err, new PrintStream(err))
                    .sink(t -> seen.add(new Seen(t.pc, t.va, t.size, t.kind))).run();
        } finally {
            Files.deleteIfExists(elf);
        }
        long pc = prog.testPc(0);
        List<Seen> mine = seen.stream().filter(s -> s.pc() == pc && s.kind() != TransactionKind.IFETCH).toList();
        assertEquals(List.of(new Seen(pc, pageEnd - 8, 8, TransactionKind.READ),
                new Seen(pc, pageEnd, 24, TransactionKind.READ)), mine);
    }
}
