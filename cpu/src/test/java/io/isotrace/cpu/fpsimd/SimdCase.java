package io.isotrace.cpu.fpsimd;

/**
 * One test case: an instruction word run once from an initial state. {@code expected} is the reference's
 * {@link VState#diffText} (null until a reference has run it).
 */
record SimdCase(int word, VState input, String expected) {
    /** One line of a case file: {@code word | input | expected}. */
    String line() {
        return String.format("%08x | %s | %s", word, input.inputText(), expected);
    }

    static SimdCase parse(String line) {
        String[] parts = line.split("\\|");
        return new SimdCase(Integer.parseUnsignedInt(parts[0].trim(), 16), VState.parseInput(parts[1]),
                parts[2].trim());
    }
}
