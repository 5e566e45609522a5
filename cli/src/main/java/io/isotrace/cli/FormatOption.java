package io.isotrace.cli;

import picocli.CommandLine.Option;

/** The shared {@code --format text|json} option, mixed into commands that print results. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output as human-readable text or as JSON (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.text;

    public OutputFormat get() {
        return format;
    }
}
