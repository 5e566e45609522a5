package io.isotrace.cpu.decode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instruction encoding written as 32 characters, most significant bit first, in the style of Dynarmic's
 * {@code a64.inc}: {@code 0} and {@code 1} are fixed bits, {@code -} is a bit the instruction ignores, and every
 * other character names an operand field. All bits carrying the same letter form that field, concatenated from
 * most to least significant, so {@code "z0010001 0siiiiiiiiiiiinnnnnddddd"} is ADD (immediate) with fields
 * z (sf), s (sh), i (imm12), n (Rn) and d (Rd). Spaces are for the reader and are ignored.
 */
public final class Pattern {
    private final String text;
    private final int mask;
    private final int value;
    private final Map<Character, int[]> fields;

    private Pattern(String text, int mask, int value, Map<Character, int[]> fields) {
        this.text = text;
        this.mask = mask;
        this.value = value;
        this.fields = fields;
    }

    /** Parses a pattern; IllegalArgumentException says what is wrong with it. */
    public static Pattern parse(String pattern) {
        String bits = pattern.replace(" ", "");
        if (bits.length() != 32) {
            throw new IllegalArgumentException("pattern '" + pattern + "' has " + bits.length() + " bits, not 32");
        }
        int mask = 0;
        int value = 0;
        Map<Character, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < 32; i++) {
            char c = bits.charAt(i);
            int bit = 31 - i;
            if (c == '0' || c == '1') {
                mask |= 1 << bit;
                if (c == '1') {
                    value |= 1 << bit;
                }
            } else if (c != '-') {
                positions.computeIfAbsent(c, k -> new ArrayList<>()).add(bit);
            }
        }
        Map<Character, int[]> fields = new LinkedHashMap<>();
        positions.forEach((c, list) -> fields.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
        return new Pattern(pattern, mask, value, fields);
    }

    public boolean matches(int word) {
        return (word & mask) == value;
    }

    /** Bits that are fixed by the pattern. */
    public int mask() {
        return mask;
    }

    public int value() {
        return value;
    }

    /** Number of fixed bits: the more, the more specific, and the earlier it is tried. */
    public int specificity() {
        return Integer.bitCount(mask);
    }

    public boolean hasField(char name) {
        return fields.containsKey(name);
    }

    /** Bit positions of field {@code name}, most significant first. */
    int[] bits(char name) {
        int[] b = fields.get(name);
        if (b == null) {
            throw new IllegalArgumentException("pattern '" + text + "' has no field '" + name + "'");
        }
        return b;
    }

    /** The unsigned value of field {@code name} in {@code word}. */
    public int field(int word, char name) {
        int v = 0;
        for (int bit : bits(name)) {
            v = (v << 1) | ((word >>> bit) & 1);
        }
        return v;
    }

    /** True when some word matches both patterns. */
    public boolean overlaps(Pattern other) {
        int common = mask & other.mask;
        return ((value ^ other.value) & common) == 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
