package io.isotrace.cpu.fpsimd;

/**
 * One test case: an instruction word run once from the initial state its specification describes
 * ({@link VState#fromSpec}). {@code expected} is the reference's {@link VState#diffText} (null until a reference
 * has run it).
 */
record SimdCase(int word, String spec, VState input, String expected) {
    SimdCase(int word, String spec) {
        this(word, spec, VState.fromSpec(word, spec), null);
    }

    SimdCase withExpected(String e) {
        return new SimdCase(word, spec, input, e);
    }

    /** One line of a case file: {@code word | spec | expected}. */
    String line() {
        return String.format("%08x | %s | %s", word, spec, expected);
    }

    static SimdCase parse(String line) {
        String[] parts = line.split("\\|");
        int word = Integer.parseUnsignedInt(parts[0].trim(), 16);
        String spec = parts[1].trim();
        return new SimdCase(word, spec, VState.fromSpec(word, spec), parts[2].trim());
    }
}
