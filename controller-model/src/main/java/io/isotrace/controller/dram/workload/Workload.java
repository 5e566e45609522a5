package io.isotrace.controller.dram.workload;

import java.util.Locale;

/** The access patterns the validation and the benchmark use. */
public enum Workload {
    /**
     * STREAM "add": read a[i], read b[i], write c[i], i advancing one 64-byte line, arrays 1 GiB apart (the shape of
     * DRAMSim3's own stream generator, as a trace).
     */
    STREAM,
    /** Uniformly random 64-byte lines over 4 GiB, one write in three (DRAMSim3's random generator's mix). */
    RANDOM,
    /** Each request from the stream or the random pattern with equal probability. */
    MIX,
    /** Lines {@code stride} bytes apart (default 2 KiB), wrapping within 4 GiB, one write in three. */
    STRIDED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Workload parse(String s) {
        for (Workload w : values()) {
            if (w.key().equals(s)) {
                return w;
            }
        }
        return null;
    }
}
