package io.isotrace.trace.queue;

import io.isotrace.trace.record.ClockDomain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a trace says about itself, stored as its first excerpt: the format version, who produced it, the guest
 * program and its arguments, the clock domains (a record's clock-domain field indexes this list), digests of the
 * configurations that shaped it, and free-form properties.
 *
 * <p>A reader refuses a trace whose major version it does not know; minor versions only add properties.
 */
public final class TraceHeader {
    /** Bump when a reader of the previous version would misread a record. */
    public static final int FORMAT_MAJOR = 1;
    /** Bump when something is added that older readers may ignore. */
    public static final int FORMAT_MINOR = 1; // 1.1: compact batches

    private final int formatMajor;
    private final int formatMinor;
    private final String producer;
    private final String program;
    private final List<String> arguments;
    private final List<ClockDomain> clocks;
    private final Map<String, String> digests;
    private final Map<String, String> properties;

    private TraceHeader(Builder b) {
        this.formatMajor = b.formatMajor;
        this.formatMinor = b.formatMinor;
        this.producer = b.producer;
        this.program = b.program;
        this.arguments = List.copyOf(b.arguments);
        this.clocks = List.copyOf(b.clocks);
        this.digests = Collections.unmodifiableMap(new LinkedHashMap<>(b.digests));
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this header's values, to derive a new header (replay keeps the guest program, say). */
    public Builder toBuilder() {
        Builder b = new Builder().producer(producer).program(program).arguments(arguments);
        b.formatMajor = formatMajor;
        b.formatMinor = formatMinor;
        clocks.forEach(b::clock);
        digests.forEach(b::digest);
        properties.forEach(b::property);
        return b;
    }

    public int formatMajor() {
        return formatMajor;
    }

    public int formatMinor() {
        return formatMinor;
    }

    /** The tool and version that wrote the trace, e.g. {@code isotrace 0.1.0 run}. */
    public String producer() {
        return producer;
    }

    /** The guest program (path as given), or empty when the trace did not come from a guest run. */
    public String program() {
        return program;
    }

    public List<String> arguments() {
        return arguments;
    }

    /** Clock domains; a record's {@code clockDomain} is an index into this list. */
    public List<ClockDomain> clocks() {
        return clocks;
    }

    /** Configuration name to SHA-256 (hex) of its canonical text. */
    public Map<String, String> digests() {
        return digests;
    }

    public Map<String, String> properties() {
        return properties;
    }

    /** The header as ordered key/value pairs, the form stored in the trace. */
    List<String[]> toPairs() {
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[]{"producer", producer});
        pairs.add(new String[]{"program", program});
        for (int i = 0; i < arguments.size(); i++) {
            pairs.add(new String[]{"arg." + i, arguments.get(i)});
        }
        for (int i = 0; i < clocks.size(); i++) {
            pairs.add(new String[]{"clock." + i, clocks.get(i).name() + "=" + clocks.get(i).hz()});
        }
        digests.forEach((k, v) -> pairs.add(new String[]{"digest." + k, v}));
        properties.forEach((k, v) -> pairs.add(new String[]{"prop." + k, v}));
        return pairs;
    }

    /** Rebuilds a header from stored pairs; unknown keys are kept as properties so newer minors survive a copy. */
    static TraceHeader fromPairs(int major, int minor, List<String[]> pairs) {
        Builder b = builder();
        b.formatMajor = major;
        b.formatMinor = minor;
        for (String[] p : pairs) {
            String k = p[0];
            String v = p[1];
            if (k.equals("producer")) {
                b.producer(v);
            } else if (k.equals("program")) {
                b.program(v);
            } else if (k.startsWith("arg.")) {
                b.argument(v);
            } else if (k.startsWith("clock.")) {
                int eq = v.lastIndexOf('=');
                b.clock(new ClockDomain(v.substring(0, eq), Long.parseLong(v.substring(eq + 1))));
            } else if (k.startsWith("digest.")) {
                b.digest(k.substring("digest.".length()), v);
            } else if (k.startsWith("prop.")) {
                b.property(k.substring("prop.".length()), v);
            } else {
                b.property(k, v);
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("format ").append(formatMajor).append('.').append(formatMinor).append('\n');
        for (String[] p : toPairs()) {
            sb.append(p[0]).append(": ").append(p[1]).append('\n');
        }
        return sb.toString();
    }

    /** Builds a header; the format version is always the current one for new traces. */
    public static final class Builder {
        private int formatMajor = FORMAT_MAJOR;
        private int formatMinor = FORMAT_MINOR;
        private String producer = "isotrace";
        private String program = "";
        private final List<String> arguments = new ArrayList<>();
        private final List<ClockDomain> clocks = new ArrayList<>();
        private final Map<String, String> digests = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        public Builder producer(String producer) {
            this.producer = producer;
            return this;
        }

        public Builder program(String program) {
            this.program = program;
            return this;
        }

        public Builder argument(String arg) {
            arguments.add(arg);
            return this;
        }

        public Builder arguments(List<String> args) {
            arguments.clear();
            arguments.addAll(args);
            return this;
        }

        public Builder clock(ClockDomain clock) {
            if (clocks.size() > io.isotrace.trace.record.RecordLayout.MAX_CLOCK_DOMAIN) {
                throw new IllegalArgumentException("a trace holds at most "
                        + (io.isotrace.trace.record.RecordLayout.MAX_CLOCK_DOMAIN + 1) + " clock domains");
            }
            clocks.add(clock);
            return this;
        }

        public Builder clearClocks() {
            clocks.clear();
            return this;
        }

        public Builder digest(String config, String sha256Hex) {
            digests.put(config, sha256Hex);
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** Test hook: write a header claiming another format version. */
        Builder formatVersion(int major, int minor) {
            this.formatMajor = major;
            this.formatMinor = minor;
            return this;
        }

        public TraceHeader build() {
            if (clocks.isEmpty()) {
                clocks.add(ClockDomain.cpuDefault());
            }
            return new TraceHeader(this);
        }
    }
}
