package io.isotrace.controller.dram.ctrl;

import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.device.TimingEngine;
import io.isotrace.controller.dram.mapping.MappingScheme;
import io.isotrace.controller.dram.sim.RequestArrays;
import io.isotrace.controller.dram.spec.Preset;
import io.isotrace.controller.dram.workload.Workload;
import io.isotrace.controller.dram.workload.WorkloadGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole-schedule checks over many configurations:
 * <ul>
 *   <li>every command the controller issues is accepted by an independent, checking {@link TimingEngine} (no
 *       constraint of the standard's table is ever violated, no illegal command in any bank state);</li>
 *   <li>the event-driven controller issues exactly the commands, at exactly the cycles, that the same controller
 *       deciding at every cycle issues: skipping idle cycles loses nothing.</li>
 * </ul>
 */
class ScheduleIntegrityTest {
    record Case(String name, DramConfig config, Workload workload, long interval) {
        @Override
        public String toString() {
            return name + " " + workload.key() + (interval == 0 ? " asap" : " every " + interval);
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        ControllerConfig d = ControllerConfig.defaults();
        ControllerConfig ds3 = ControllerConfig.dramsim3();
        for (Preset p : Preset.values()) {
            out.add(new Case(p.displayName() + " default", DramConfig.of(p), Workload.MIX, 0));
            out.add(new Case(p.displayName() + " dramsim3-like", DramConfig.of(p).withController(ds3),
                    Workload.RANDOM, 3));
        }
        DramConfig ddr4 = DramConfig.of(Preset.DDR4_3200);
        out.add(new Case("close page", ddr4.withController(d.toBuilder().pagePolicy(PagePolicy.CLOSE).build()),
                Workload.STREAM, 2));
        out.add(new Case("open-adaptive", ddr4.withController(
                d.toBuilder().pagePolicy(PagePolicy.OPEN_ADAPTIVE).build()), Workload.MIX, 4));
        out.add(new Case("close-adaptive", ddr4.withController(
                d.toBuilder().pagePolicy(PagePolicy.CLOSE_ADAPTIVE).build()), Workload.STRIDED, 0));
        out.add(new Case("fcfs", ddr4.withController(d.toBuilder().scheduler(SchedulerPolicy.FCFS).build()),
                Workload.MIX, 0));
        out.add(new Case("power-down", ddr4.withController(
                d.toBuilder().powerDown(true).powerDownIdle(20).build()), Workload.RANDOM, 60));
        out.add(new Case("xor banks RoBaRaCoCh", ddr4.withMapping(MappingScheme.parse("RoBaRaCoCh"), true),
                Workload.MIX, 0));
        out.add(new Case("LPDDR4 per-bank refresh", DramConfig.of(Preset.LPDDR4_3200).withController(
                d.toBuilder().refresh(RefreshMode.PER_BANK).build()), Workload.MIX, 2));
        out.add(new Case("HBM2 per-bank refresh + power-down", DramConfig.of(Preset.HBM2).withController(
                d.toBuilder().refresh(RefreshMode.PER_BANK).powerDown(true).powerDownIdle(50).build()),
                Workload.RANDOM, 1));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCommandPassesAnIndependentCheckAndSkippingIdleCyclesChangesNothing(Case k) {
        RequestArrays req = new WorkloadGenerator(k.workload(), k.interval()).generate(6000);
        List<String> eventDriven = run(k, req, false);
        List<String> everyCycle = run(k, req, true);
        assertTrue(eventDriven.size() > 6000, "commands issued: " + eventDriven.size());
        assertEquals(everyCycle.size(), eventDriven.size(), "command count");
        for (int i = 0; i < eventDriven.size(); i++) {
            assertEquals(everyCycle.get(i), eventDriven.get(i), "command " + i);
        }
    }

    private static List<String> run(Case k, RequestArrays req, boolean cycleByCycle) {
        Harness h = new Harness(k.config(), cycleByCycle);
        int channels = h.sys.channels();
        TimingEngine[] check = new TimingEngine[channels];
        for (int ch = 0; ch < channels; ch++) {
            check[ch] = new TimingEngine(k.config().device());
            TimingEngine e = check[ch];
            // Runs alongside the harness's own observer: the checking engine throws on any violation.
            ChannelController c = h.sys.channel(ch);
            CommandObserver original = (x, cmd, bank, row, cycle) -> {
                h.log.add(cycle + " ch" + x + " " + cmd + " b" + bank + (row >= 0 ? " r" + row : ""));
                e.issue(cmd, bank, row, cycle);
            };
            c.setCommandObserver(original);
        }
        req.rewind();
        long tag = 0;
        while (req.next()) {
            long cycle = k.interval() == 0 ? 0 : req.cycle();
            h.submit(req.address(), req.isWrite(), tag++, cycle);
        }
        h.finish();
        return h.log;
    }
}
