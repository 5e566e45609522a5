package io.isotrace.cli;

/** How a command prints its results. */
public enum OutputFormat {
    text,
    json
}
