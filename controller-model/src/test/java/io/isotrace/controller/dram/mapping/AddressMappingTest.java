package io.isotrace.controller.dram.mapping;

import io.isotrace.controller.dram.spec.Organization;
import io.isotrace.controller.dram.spec.Preset;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bit-exact decompositions. DDR4-3200 8Gb x8 (2 ranks, 4 groups x 4 banks, 65536 rows, 1024 columns, BL8, 64-bit)
 * has a 6-bit burst offset and field widths ch 0, ra 1, bg 2, ba 2, ro 16, co 10 - 3 = 7; each scheme places them
 * as its tool does (DRAMSim3 Config::SetAddressMapping; Ramulator 2 linear mappers; gem5 address mappings).
 */
class AddressMappingTest {
    private static final Organization DDR4 = Preset.DDR4_3200.spec().organization();

    private static AddressMapping map(String scheme) {
        return new AddressMapping(DDR4, MappingScheme.parse(scheme), false);
    }

    @Test
    void dramsim3Rochrababgco() {
        // LSB up: offset 0-5, co 6-12, bg 13-14, ba 15-16, ra 17, (ch 0 bits), ro 18-33.
        AddressMapping m = map("rochrababgco");
        assertEquals(1, m.column(0x40));
        assertEquals(127, m.column(0x1FC0));
        assertEquals(1, m.bankGroup(0x2000));
        assertEquals(1, m.bank(0x8000));
        assertEquals(1, m.rank(0x20000));
        assertEquals(1, m.row(0x40000));
        // DRAMSim3 maps 0x10000000 to bank 0, row 1024: a conflict with address 0 (as its run showed).
        assertEquals(1024, m.row(0x10000000L));
        assertEquals(0, m.bankInChannel(0x10000000L));
        assertEquals(0xFFFF, m.row(0x3_FFFC_0000L));
        assertEquals(0, m.row(0x4_0000_0000L), "bits above the mapped 34 are ignored");
        assertEquals(34, m.mappedBits());
        assertEquals(16 + 2 * 4 + 1, m.bankInChannel(0x20000 + 0x2000 * 2 + 0x8000));
    }

    @Test
    void dramsim3Chrobabgraco() {
        // DRAMSim3's default: ch ro ba bg ra co -> co 6-12, ra 13, bg 14-15, ba 16-17, ro 18-33.
        AddressMapping m = map("chrobabgraco");
        assertEquals(1, m.rank(0x2000));
        assertEquals(1, m.bankGroup(0x4000));
        assertEquals(1, m.bank(0x10000));
        assertEquals(1, m.row(0x40000));
    }

    @Test
    void ramulatorRoBaRaCoCh() {
        // Ramulator 2 slices channel, column, then rank, bank group, bank, row from the low bits.
        AddressMapping m = map("RoBaRaCoCh");
        assertEquals(1, m.column(0x40));
        assertEquals(1, m.rank(0x2000));
        assertEquals(1, m.bankGroup(0x4000));
        assertEquals(1, m.bank(0x10000));
        assertEquals(1, m.row(0x40000));
    }

    @Test
    void ramulatorChRaBaRoCo() {
        // Ramulator 2 slices column, row, bank, bank group, rank, channel from the low bits.
        AddressMapping m = map("ChRaBaRoCo");
        assertEquals(1, m.row(0x2000));
        assertEquals(1, m.bank(0x2000_0000L));
        assertEquals(1, m.bankGroup(0x8000_0000L));
        assertEquals(1, m.rank(0x2_0000_0000L));
    }

    @Test
    void gem5RoRaBaChCoWithTwoChannels() {
        AddressMapping m = new AddressMapping(DDR4.withChannels(2), MappingScheme.parse("RoRaBaChCo"), false);
        // co 6-12, ch 13, bg 14-15, ba 16-17, ra 18, ro 19-34.
        assertEquals(1, m.channel(0x2000));
        assertEquals(1, m.bankGroup(0x4000));
        assertEquals(1, m.bank(0x10000));
        assertEquals(1, m.rank(0x40000));
        assertEquals(1, m.row(0x80000));
    }

    @Test
    void encodeInvertsDecodeForEveryScheme() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (String scheme : new String[]{"rochrababgco", "chrobabgraco", "robabgchraco", "RoBaRaCoCh",
                "ChRaBaRoCo", "RoRaBaChCo", "RoRaBaCoCh", "RoCoRaBaCh"}) {
            for (boolean xor : new boolean[]{false, true}) {
                AddressMapping m = new AddressMapping(DDR4.withChannels(2), MappingScheme.parse(scheme), xor);
                for (int i = 0; i < 10_000; i++) {
                    long a = rnd.nextLong(1L << m.mappedBits()) & -64L;
                    long back = m.encode(m.channel(a), m.rank(a), m.bankGroup(a), m.bank(a), m.row(a), m.column(a));
                    assertEquals(a, back, scheme + (xor ? "+xor" : "") + " at 0x" + Long.toHexString(a));
                }
            }
        }
    }

    @Test
    void xorHashingSpreadsConflictingRowsOverBanks() {
        AddressMapping plain = map("rochrababgco");
        AddressMapping hashed = new AddressMapping(DDR4, MappingScheme.parse("rochrababgco"), true);
        Set<Integer> plainBanks = new HashSet<>();
        Set<Integer> hashedBanks = new HashSet<>();
        for (int row = 0; row < 16; row++) {
            long a = (long) row << 18; // same column, bank group and bank bits, rows 0..15
            plainBanks.add(plain.bankInChannel(a));
            hashedBanks.add(hashed.bankInChannel(a));
        }
        assertEquals(1, plainBanks.size(), "without hashing every row lands in bank 0");
        assertEquals(16, hashedBanks.size(), "with hashing rows 0..15 land in 16 different banks");
    }

    @Test
    void badSchemesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MappingScheme.parse("rochrababg"));
        assertThrows(IllegalArgumentException.class, () -> MappingScheme.parse("rochrababgxx"));
        assertThrows(IllegalArgumentException.class, () -> MappingScheme.parse("rorochbabgco"));
        assertTrue(MappingScheme.namedSchemes().contains("RoBaRaCoCh"));
    }
}
