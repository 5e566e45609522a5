package io.isotrace.cpu.randomtest;

import io.isotrace.cpu.testing.MiniElf;

/**
 * Where a test program keeps each case's data. Case k owns a record at {@link #recordAddress}: the register dump
 * the epilogue writes (x0..x30, NZCV, SP: 33 doublewords) padded to {@link #DUMP} bytes, then its data buffer
 * ({@link #BUFFER} bytes, 64-byte aligned so a DC ZVA block lies inside it). The epilogue writes the whole record
 * to stdout, so a run's output is the records of the cases in order. The initial register values follow all
 * records, {@link #INIT} bytes per case.
 */
final class Layout {
    /** Where the data segment of the generated programs lives. */
    static final long DATA_BASE = 0x100_0000L;
    static final int DUMP = 320;
    static final int BUFFER = 256;
    static final int RECORD = DUMP + BUFFER;
    static final int INIT = 33 * 8;
    static final int NZCV_SLOT = 31;
    static final int SP_SLOT = 32;

    private final int cases;

    Layout(int cases) {
        this.cases = cases;
    }

    int cases() {
        return cases;
    }

    static long recordAddress(int k) {
        return Layout.DATA_BASE + (long) k * RECORD;
    }

    static long bufferAddress(int k) {
        return recordAddress(k) + DUMP;
    }

    long initAddress(int k) {
        return Layout.DATA_BASE + (long) cases * RECORD + (long) k * INIT;
    }

    int dataSize() {
        return cases * (RECORD + INIT);
    }
}
