package io.isotrace.cli.trace;

import picocli.CommandLine.Option;

/** {@code --from/--to}: a range of sequence numbers, both inclusive. */
public final class SeqRangeOptions {
    @Option(names = "--from", paramLabel = "SEQ", description = "First sequence number (inclusive).")
    long from = 0;

    @Option(names = "--to", paramLabel = "SEQ", description = "Last sequence number (inclusive).")
    long to = Long.MAX_VALUE;
}
