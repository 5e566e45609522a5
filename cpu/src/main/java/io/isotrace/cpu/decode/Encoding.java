package io.isotrace.cpu.decode;

/**
 * One row of the instruction tables: a name in decodetree style (mnemonic and form, e.g. {@code ADD_imm}), the
 * Arm ARM encoding group it belongs to, its bit pattern, its disassembly template and the function that decodes
 * its operands. A null decode function marks an encoding that is recognised but not implemented: executing it
 * stops the run naming it, instead of raising SIGILL as for an unallocated word.
 *
 * @param template assembler syntax with operand placeholders, see {@link Disassembler}
 */
public record Encoding(String name, Group group, Pattern pattern, String template, DecodeFunction decode) {
    public boolean implemented() {
        return decode != null;
    }
}
