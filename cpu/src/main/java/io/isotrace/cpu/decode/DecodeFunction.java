package io.isotrace.cpu.decode;

/**
 * Turns an encoding's fields into operands: sets {@code insn.op} and whichever operand fields the operation uses.
 * Returns false when the word, although it matches the pattern, is not this instruction (an unallocated
 * combination the pattern cannot express, such as "opc = 11 is reserved"); decoding then tries the next
 * matching encoding.
 */
@FunctionalInterface
public interface DecodeFunction {
    boolean decode(Fields f, Insn insn);
}
