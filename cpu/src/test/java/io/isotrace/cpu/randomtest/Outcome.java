package io.isotrace.cpu.randomtest;

/** What one run of a test program produced: its stdout (the case records), exit status, and any messages. */
record Outcome(byte[] stdout, int exitStatus, String messages) {
    /** The number of complete case records in stdout. */
    int records() {
        return stdout.length / Layout.RECORD;
    }
}
