package io.isotrace.controller.dram.ctrl;

import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.DramSystem;
import io.isotrace.controller.dram.spec.Command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drives a DramSystem request by request and records every command and completion, for tests. */
final class Harness implements RequestListener {
    final DramSystem sys;
    final List<String> log = new ArrayList<>();
    final List<Command> commands = new ArrayList<>();
    final List<Long> cycles = new ArrayList<>();
    final Map<Long, Long> readDone = new HashMap<>();
    final Map<Long, Long> writeDone = new HashMap<>();
    private long lastAdmit = -1;

    Harness(DramConfig cfg) {
        this(cfg, false);
    }

    Harness(DramConfig cfg, boolean cycleByCycle) {
        sys = new DramSystem(cfg);
        sys.setListener(this);
        for (int ch = 0; ch < sys.channels(); ch++) {
            sys.channel(ch).setCycleByCycle(cycleByCycle);
            sys.channel(ch).setCommandObserver((c, cmd, bank, row, cycle) -> {
                log.add(cycle + " ch" + c + " " + cmd + " b" + bank + (row >= 0 ? " r" + row : ""));
                commands.add(cmd);
                cycles.add(cycle);
            });
        }
    }

    /** Submits a request at {@code cycle} (later if its queue is full; one per cycle); returns the acceptance. */
    long submit(long addr, boolean write, long tag, long cycle) {
        ChannelController ch = sys.channelOf(addr);
        long c = Math.max(cycle, lastAdmit + 1);
        ch.advanceTo(c);
        while (!ch.canAccept(write)) {
            ch.step();
            c = Math.max(c, ch.now() + 1);
        }
        lastAdmit = ch.admit(addr, write, tag, c);
        return lastAdmit;
    }

    long read(long addr, long tag, long cycle) {
        return submit(addr, false, tag, cycle);
    }

    long finish() {
        return sys.finish();
    }

    long count(Command c) {
        return commands.stream().filter(x -> x == c).count();
    }

    /** The cycle of the first command of this kind at or after {@code from}, or -1. */
    long first(Command c, long from) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i) == c && cycles.get(i) >= from) {
                return cycles.get(i);
            }
        }
        return -1;
    }

    @Override
    public void readDone(long tag, long arrivalCycle, long doneCycle) {
        readDone.put(tag, doneCycle - arrivalCycle);
    }

    @Override
    public void writeDone(long tag, long arrivalCycle, long doneCycle) {
        writeDone.put(tag, doneCycle - arrivalCycle);
    }
}
