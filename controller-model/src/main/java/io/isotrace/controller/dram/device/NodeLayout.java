package io.isotrace.controller.dram.device;

/**
 * Where each node of one channel's hierarchy keeps its "not before" entries in the engine's single table: the
 * channel first, then the ranks, the bank groups and the banks, one entry per command class each, then a few
 * scratch entries that padding updates write and no lookup reads.
 *
 * <p>A bank command constrains nodes relative to its bank, named here by kind: its channel, rank, bank group and
 * bank, and each of the other ranks.
 */
final class NodeLayout {
    static final int CHANNEL = 0;
    static final int RANK = 1;
    static final int BANK_GROUP = 2;
    static final int BANK = 3;
    /** Kinds from here on: the other ranks, in rank order without the bank's own. */
    static final int OTHER_RANK = 4;

    final int classes;
    final int ranks;
    final int banks;
    final int banksPerGroup;
    final int banksPerRank;
    final int rankBase;
    final int groupBase;
    final int bankBase;
    final int scratchBase;
    /** Entries in the table. */
    final int size;

    NodeLayout(int classes, int ranks, int bankGroupsPerRank, int banksPerGroup) {
        this.classes = classes;
        this.ranks = ranks;
        this.banksPerGroup = banksPerGroup;
        this.banksPerRank = bankGroupsPerRank * banksPerGroup;
        this.banks = ranks * banksPerRank;
        rankBase = classes;
        groupBase = rankBase + ranks * classes;
        bankBase = groupBase + ranks * bankGroupsPerRank * classes;
        scratchBase = bankBase + banks * classes;
        size = scratchBase + classes;
    }

    /** The first entry of the node of this kind, relative to bank {@code bank}. */
    int offset(int kind, int bank) {
        int rank = bank / banksPerRank;
        switch (kind) {
            case CHANNEL:
                return 0;
            case RANK:
                return rankBase + rank * classes;
            case BANK_GROUP:
                return groupBase + bank / banksPerGroup * classes;
            case BANK:
                return bankBase + bank * classes;
            default:
                int other = kind - OTHER_RANK;
                return rankBase + (other < rank ? other : other + 1) * classes;
        }
    }

    /** A scratch entry for padding update {@code i}. */
    int scratch(int i) {
        return scratchBase + i % classes;
    }

    /** The node kinds a row of this scope (a {@link io.isotrace.controller.dram.spec.Scope} ordinal) raises. */
    static int[] kindsOf(int scope, int ranks) {
        if (scope == CompiledTable.CHANNEL) {
            return new int[]{CHANNEL};
        } else if (scope == CompiledTable.RANK) {
            return new int[]{RANK};
        } else if (scope == CompiledTable.BANK_GROUP) {
            return new int[]{BANK_GROUP};
        } else if (scope == CompiledTable.BANK) {
            return new int[]{BANK};
        }
        int[] k = new int[ranks - 1];
        for (int j = 0; j < k.length; j++) {
            k[j] = OTHER_RANK + j;
        }
        return k;
    }
}
