package io.isotrace.controller.dram.mapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * An address-mapping scheme: the order of the coordinate fields from the most to the least significant address bit,
 * above the burst offset. Three naming conventions are accepted, each with its tool's meaning:
 *
 * <ul>
 *   <li>DRAMSim3: twelve lowercase characters, six two-letter fields, e.g. {@code rochrababgco} (its
 *       {@code Config::SetAddressMapping}: the last field takes the lowest bits).</li>
 *   <li>Ramulator 2: {@code ChRaBaRoCo} and {@code RoBaRaCoCh}, where "Ba" is the bank and the bank group together;
 *       its linear mappers place the bank group below the bank in {@code RoBaRaCoCh} (levels sliced from the low bits
 *       in hierarchy order) and above it in {@code ChRaBaRoCo} (sliced in reverse order).</li>
 *   <li>gem5: {@code RoRaBaChCo}, {@code RoRaBaCoCh}, {@code RoCoRaBaCh}; gem5 numbers banks flat with the bank
 *       group in the low bits of the bank number.</li>
 * </ul>
 *
 * @param name    the name as given
 * @param msbToLsb the six fields, most significant first
 */
public record MappingScheme(String name, List<AddressField> msbToLsb) {
    private static final Object[][] NAMED = {
            // Ramulator 2 linear mappers.
            {"ChRaBaRoCo", List.of(AddressField.CHANNEL, AddressField.RANK, AddressField.BANK_GROUP, AddressField.BANK,
                    AddressField.ROW, AddressField.COLUMN)},
            {"RoBaRaCoCh", List.of(AddressField.ROW, AddressField.BANK, AddressField.BANK_GROUP, AddressField.RANK,
                    AddressField.COLUMN, AddressField.CHANNEL)},
            // gem5 DRAM interface address mappings.
            {"RoRaBaChCo", List.of(AddressField.ROW, AddressField.RANK, AddressField.BANK, AddressField.BANK_GROUP,
                    AddressField.CHANNEL, AddressField.COLUMN)},
            {"RoRaBaCoCh", List.of(AddressField.ROW, AddressField.RANK, AddressField.BANK, AddressField.BANK_GROUP,
                    AddressField.COLUMN, AddressField.CHANNEL)},
            {"RoCoRaBaCh", List.of(AddressField.ROW, AddressField.COLUMN, AddressField.RANK, AddressField.BANK,
                    AddressField.BANK_GROUP, AddressField.CHANNEL)},
    };

    public MappingScheme {
        if (msbToLsb.size() != AddressField.values().length || EnumSet.copyOf(msbToLsb).size() != msbToLsb.size()) {
            throw new IllegalArgumentException("a mapping names each of ch, ra, bg, ba, ro, co exactly once");
        }
        msbToLsb = List.copyOf(msbToLsb);
    }

    /** The named schemes besides DRAMSim3-style strings, for help texts. */
    public static List<String> namedSchemes() {
        List<String> names = new ArrayList<>();
        for (Object[] n : NAMED) {
            names.add((String) n[0]);
        }
        return names;
    }

    /** Parses a scheme name; IllegalArgumentException with the reason when it is not one. */
    @SuppressWarnings("unchecked")
    public static MappingScheme parse(String text) {
        String s = text.trim();
        for (Object[] n : NAMED) {
            if (((String) n[0]).equalsIgnoreCase(s) && !s.equals(s.toLowerCase(Locale.ROOT))) {
                return new MappingScheme((String) n[0], (List<AddressField>) n[1]);
            }
        }
        if (s.length() != 12 || !s.equals(s.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown address mapping '" + text + "': expected six two-letter fields"
                    + " as DRAMSim3 writes them (e.g. rochrababgco) or one of " + namedSchemes());
        }
        List<AddressField> fields = new ArrayList<>();
        for (int i = 0; i < 12; i += 2) {
            AddressField f = AddressField.byToken(s.substring(i, i + 2));
            if (f == null) {
                throw new IllegalArgumentException("address mapping '" + text + "': unknown field '"
                        + s.substring(i, i + 2) + "' (fields: ch ra bg ba ro co)");
            }
            if (fields.contains(f)) {
                throw new IllegalArgumentException("address mapping '" + text + "': field '" + f.token()
                        + "' appears twice");
            }
            fields.add(f);
        }
        return new MappingScheme(s, fields);
    }
}
