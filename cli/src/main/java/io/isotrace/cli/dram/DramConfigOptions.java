package io.isotrace.cli.dram;

import io.isotrace.cli.UsageException;
import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.config.DramConfigLoader;
import io.isotrace.controller.dram.config.LoadedConfig;
import io.isotrace.controller.dram.spec.Preset;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The shared {@code --config FILE} / {@code --preset NAME} options. */
public final class DramConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "DRAM (and cache) configuration, YAML; see controller-model/DRAM.md.")
    Path config;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A preset with the default controller instead of a file: DDR4-2400, DDR4-3200, DDR5-4800, "
                    + "LPDDR4-3200, HBM2.")
    String preset;

    public LoadedConfig load() {
        if (config != null && preset != null) {
            throw new UsageException("give --config or --preset, not both");
        }
        if (config != null) {
            return DramConfigLoader.load(config);
        }
        String name = preset == null ? "DDR4-3200" : preset;
        Preset p = Preset.find(name);
        if (p == null) {
            throw new UsageException("unknown preset '" + name + "' (try: isotrace dram presets)");
        }
        return new LoadedConfig(DramConfig.of(p), null);
    }
}
