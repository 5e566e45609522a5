package io.isotrace.controller.dram.config;

import io.isotrace.controller.cache.CacheHierarchyConfig;
import io.isotrace.controller.dram.DramConfig;

/**
 * A configuration file's content: the DRAM model and, when the file has a {@code cache} section, the cache
 * hierarchy in front of it (else null).
 */
public record LoadedConfig(DramConfig dram, CacheHierarchyConfig cache) {
}
