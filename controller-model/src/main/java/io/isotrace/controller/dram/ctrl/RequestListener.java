package io.isotrace.controller.dram.ctrl;

/** Told when requests finish; implementations must not allocate (called once per request on the hot path). */
public interface RequestListener {
    /** A read's data has been returned at {@code doneCycle} (the last beat plus the backend latency). */
    void readDone(long tag, long arrivalCycle, long doneCycle);

    /** A write's data has been written at {@code doneCycle} (the last beat on the bus). */
    void writeDone(long tag, long arrivalCycle, long doneCycle);

    RequestListener NONE = new RequestListener() {
        @Override
        public void readDone(long tag, long arrivalCycle, long doneCycle) {
        }

        @Override
        public void writeDone(long tag, long arrivalCycle, long doneCycle) {
        }
    };
}
