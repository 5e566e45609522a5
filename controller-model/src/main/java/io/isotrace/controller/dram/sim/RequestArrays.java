package io.isotrace.controller.dram.sim;

import java.util.Arrays;

/** Requests held in memory as three parallel arrays: the fastest source, used by benchmarks and generators. */
public final class RequestArrays implements RequestSource {
    private long[] addresses;
    private long[] cycles;
    private boolean[] writes;
    private int size;
    private int pos = -1;

    public RequestArrays(int capacity) {
        addresses = new long[Math.max(1, capacity)];
        cycles = new long[Math.max(1, capacity)];
        writes = new boolean[Math.max(1, capacity)];
    }

    public void add(long address, boolean write, long cycle) {
        if (size == addresses.length) {
            int n = size * 2;
            addresses = Arrays.copyOf(addresses, n);
            cycles = Arrays.copyOf(cycles, n);
            writes = Arrays.copyOf(writes, n);
        }
        addresses[size] = address;
        writes[size] = write;
        cycles[size] = cycle;
        size++;
    }

    public int size() {
        return size;
    }

    public long address(int i) {
        return addresses[i];
    }

    public boolean isWrite(int i) {
        return writes[i];
    }

    public long cycle(int i) {
        return cycles[i];
    }

    /** Starts reading from the first request again. */
    public RequestArrays rewind() {
        pos = -1;
        return this;
    }

    @Override
    public boolean next() {
        if (pos + 1 >= size) {
            pos = size;
            return false;
        }
        pos++;
        return true;
    }

    @Override
    public long address() {
        return addresses[pos];
    }

    @Override
    public boolean isWrite() {
        return writes[pos];
    }

    @Override
    public long cycle() {
        return cycles[pos];
    }
}
