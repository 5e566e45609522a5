package io.isotrace.controller.dram.spec;

/**
 * Where a timing constraint applies, relative to the command that started it: the same channel, the same rank, the
 * other ranks of the same channel (rank-to-rank switching on the shared data bus), the same bank group, or the same
 * bank. Ramulator 2 expresses the same with a level name and a sibling flag.
 */
public enum Scope {
    CHANNEL,
    RANK,
    /** Every rank of the channel except the one that issued the preceding command. */
    OTHER_RANKS,
    BANK_GROUP,
    BANK
}
