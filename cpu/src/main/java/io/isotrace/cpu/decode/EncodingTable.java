package io.isotrace.cpu.decode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects encodings from the per-group tables and compiles them into a {@link Decoder}. The tables are the single
 * source of truth for what Isotrace decodes: an implemented row decodes and executes, an unimplemented row is the
 * coverage map (and stops the run by name if executed), and a word no row matches is UNDEFINED.
 */
public final class EncodingTable {
    private final List<Encoding> rows = new ArrayList<>();
    private Group group = Group.RESERVED;

    /** Sets the group the rows added next belong to. */
    public EncodingTable group(Group g) {
        this.group = g;
        return this;
    }

    /** Adds an implemented encoding. */
    public EncodingTable add(String name, String pattern, String template, DecodeFunction decode) {
        if (decode == null) {
            throw new IllegalArgumentException(name + ": an implemented encoding needs a decode function");
        }
        rows.add(new Encoding(name, group, Pattern.parse(pattern), template, decode));
        return this;
    }

    /** Adds an encoding that is recognised but not implemented (part of the coverage map). */
    public EncodingTable unimplemented(String name, String pattern) {
        rows.add(new Encoding(name, group, Pattern.parse(pattern), name, null));
        return this;
    }

    public List<Encoding> rows() {
        return Collections.unmodifiableList(rows);
    }

    public Decoder build() {
        return new Decoder(rows);
    }
}
