package io.isotrace.cpu.randomtest;

/**
 * One generated test: the words under test and the state the prologue sets before them. Registers not named by
 * the instruction still get values, so an instruction that writes the wrong register is caught too.
 *
 * @param kind   what was generated (for failure messages)
 * @param words  the instruction(s) under test, run in sequence
 * @param regs   x0..x30 before the test
 * @param nzcv   NZCV before the test (bits 31:28)
 * @param sp     SP before the test (16-byte aligned, inside the case's buffer)
 * @param buffer the case's data buffer before the test ({@link Layout#BUFFER} bytes, at {@link Layout#bufferAddress})
 */
record TestCase(String kind, int[] words, long[] regs, int nzcv, long sp, byte[] buffer) {
}
