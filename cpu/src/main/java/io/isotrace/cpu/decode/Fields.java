package io.isotrace.cpu.decode;

/**
 * The operand fields of one instruction word under one pattern, handed to an encoding's decode function. Reused
 * across decodes.
 */
public final class Fields {
    private Pattern pattern;
    private int word;

    Fields reset(Pattern pattern, int word) {
        this.pattern = pattern;
        this.word = word;
        return this;
    }

    /** The instruction word. */
    public int word() {
        return word;
    }

    /** Unsigned value of field {@code name}. */
    public int u(char name) {
        return pattern.field(word, name);
    }

    /** Sign-extended value of field {@code name}. */
    public long s(char name) {
        int width = pattern.bits(name).length;
        long v = pattern.field(word, name);
        return (v << (64 - width)) >> (64 - width);
    }

    /** True when field {@code name} (a one-bit flag) is set. */
    public boolean b(char name) {
        return pattern.field(word, name) != 0;
    }

    public boolean has(char name) {
        return pattern.hasField(name);
    }
}
