package io.isotrace.controller.dram.mapping;

import io.isotrace.controller.dram.spec.Organization;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decomposes a physical address into channel, rank, bank group, bank, row and column by a {@link MappingScheme},
 * bit-exactly as the tool that names the scheme does: the low {@code log2(burst bytes)} bits are the offset within
 * a burst, then the scheme's fields from the least significant upwards; address bits above the mapped width are
 * ignored (DRAMSim3 masks them the same way).
 *
 * <p>Optional XOR bank hashing (permutation-based interleaving, Zhang, Zhu and Zhang, MICRO 2000): the bank-group
 * and bank numbers are XORed with the lowest row bits, so rows that conflict in one bank spread over banks while
 * each address still maps to exactly one location.
 */
public final class AddressMapping {
    private final MappingScheme scheme;
    private final boolean xorBanks;
    private final int offsetBits;
    private final int chShift, raShift, bgShift, baShift, roShift, coShift;
    private final long chMask, raMask, bgMask, baMask, roMask, coMask;
    private final int bgBits;
    private final int banksPerGroup;
    private final int banksPerRank;

    public AddressMapping(Organization org, MappingScheme scheme, boolean xorBanks) {
        this.scheme = scheme;
        this.xorBanks = xorBanks;
        Map<AddressField, Integer> widths = new EnumMap<>(AddressField.class);
        widths.put(AddressField.CHANNEL, log2(org.channels()));
        widths.put(AddressField.RANK, log2(org.ranks()));
        widths.put(AddressField.BANK_GROUP, log2(org.bankGroups()));
        widths.put(AddressField.BANK, log2(org.banksPerGroup()));
        widths.put(AddressField.ROW, log2(org.rows()));
        widths.put(AddressField.COLUMN, log2(org.columns()) - log2(org.burstLength()));
        Map<AddressField, Integer> shifts = new EnumMap<>(AddressField.class);
        offsetBits = log2(org.burstBytes());
        int pos = offsetBits;
        List<AddressField> order = scheme.msbToLsb();
        for (int i = order.size() - 1; i >= 0; i--) {
            shifts.put(order.get(i), pos);
            pos += widths.get(order.get(i));
        }
        chShift = shifts.get(AddressField.CHANNEL);
        raShift = shifts.get(AddressField.RANK);
        bgShift = shifts.get(AddressField.BANK_GROUP);
        baShift = shifts.get(AddressField.BANK);
        roShift = shifts.get(AddressField.ROW);
        coShift = shifts.get(AddressField.COLUMN);
        chMask = (1L << widths.get(AddressField.CHANNEL)) - 1;
        raMask = (1L << widths.get(AddressField.RANK)) - 1;
        bgMask = (1L << widths.get(AddressField.BANK_GROUP)) - 1;
        baMask = (1L << widths.get(AddressField.BANK)) - 1;
        roMask = (1L << widths.get(AddressField.ROW)) - 1;
        coMask = (1L << widths.get(AddressField.COLUMN)) - 1;
        bgBits = widths.get(AddressField.BANK_GROUP);
        banksPerGroup = org.banksPerGroup();
        banksPerRank = org.banksPerRank();
    }

    private static int log2(int v) {
        return Integer.numberOfTrailingZeros(v);
    }

    public MappingScheme scheme() {
        return scheme;
    }

    public boolean xorBanks() {
        return xorBanks;
    }

    public int channel(long addr) {
        return (int) ((addr >>> chShift) & chMask);
    }

    public int rank(long addr) {
        return (int) ((addr >>> raShift) & raMask);
    }

    public int bankGroup(long addr) {
        int bg = (int) ((addr >>> bgShift) & bgMask);
        return xorBanks ? bg ^ (int) (row(addr) & bgMask) : bg;
    }

    public int bank(long addr) {
        int ba = (int) ((addr >>> baShift) & baMask);
        return xorBanks ? ba ^ (int) ((row(addr) >>> bgBits) & baMask) : ba;
    }

    public int row(long addr) {
        return (int) ((addr >>> roShift) & roMask);
    }

    public int column(long addr) {
        return (int) ((addr >>> coShift) & coMask);
    }

    /** The bank's index within its channel: (rank x bank groups + bank group) x banks per group + bank. */
    public int bankInChannel(long addr) {
        return rank(addr) * banksPerRank + bankGroup(addr) * banksPerGroup + bank(addr);
    }

    /** The burst-aligned address of a location (inverse of the decomposition, for generators and tests). */
    public long encode(int channel, int rank, int bankGroup, int bank, int row, int column) {
        int bg = xorBanks ? bankGroup ^ (int) (row & bgMask) : bankGroup;
        int ba = xorBanks ? bank ^ (int) ((row >>> bgBits) & baMask) : bank;
        return ((channel & chMask) << chShift) | ((rank & raMask) << raShift) | ((bg & bgMask) << bgShift)
                | ((ba & baMask) << baShift) | ((row & roMask) << roShift) | ((column & coMask) << coShift);
    }

    /** Bits of address that are mapped (offset included); higher bits are ignored. */
    public int mappedBits() {
        return offsetBits + Long.bitCount(chMask) + Long.bitCount(raMask) + Long.bitCount(bgMask)
                + Long.bitCount(baMask) + Long.bitCount(roMask) + Long.bitCount(coMask);
    }

    @Override
    public String toString() {
        return scheme.name() + (xorBanks ? "+xor" : "") + " (bits: co@" + coShift + " bg@" + bgShift + " ba@" + baShift
                + " ra@" + raShift + " ch@" + chShift + " ro@" + roShift + ")";
    }
}
