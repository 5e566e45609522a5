package io.isotrace.cpu.exec;

/**
 * The CRC32 and CRC32C instructions (FEAT_CRC32). The Arm ARM defines them on bit-reversed values
 * ({@code BitReverse(acc) : Zeros(size)} reduced by the polynomial, then reversed back), which is the reflected
 * CRC without the initial and final inversion that zlib-style CRC functions add. Computed with the reflected
 * polynomials 0xEDB88320 (ISO-HDLC, 0x04C11DB7 reversed) and 0x82F63B78 (Castagnoli, 0x1EDC6F41 reversed), a
 * word or doubleword at a time by "slicing" (eight 256-entry tables: table k advances a byte through k more zero
 * bytes), so CRC32X costs eight independent lookups rather than a chain of eight.
 */
final class Crc32 {
    static final int[] IEEE = tables(0xEDB8_8320);
    static final int[] CASTAGNOLI = tables(0x82F6_3B78);

    private Crc32() {
    }

    /** Tables 0..7, 256 entries each, in one array. */
    private static int[] tables(int reflectedPoly) {
        int[] t = new int[8 * 256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ reflectedPoly : c >>> 1;
            }
            t[n] = c;
        }
        for (int k = 1; k < 8; k++) {
            for (int n = 0; n < 256; n++) {
                int prev = t[(k - 1) * 256 + n];
                t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xFF];
            }
        }
        return t;
    }

    /** Accumulates the low {@code bytes} bytes of {@code value} into {@code crc}. */
    static long update(int[] t, int crc, long value, int bytes) {
        switch (bytes) {
            case 8: {
                int lo = crc ^ (int) value;
                int hi = (int) (value >>> 32);
                return t[7 * 256 + (lo & 0xFF)] ^ t[6 * 256 + ((lo >>> 8) & 0xFF)] ^ t[5 * 256 + ((lo >>> 16) & 0xFF)]
                        ^ t[4 * 256 + (lo >>> 24)] ^ t[3 * 256 + (hi & 0xFF)] ^ t[2 * 256 + ((hi >>> 8) & 0xFF)]
                        ^ t[256 + ((hi >>> 16) & 0xFF)] ^ t[hi >>> 24];
            }
            case 4: {
                int c = crc ^ (int) value;
                return t[3 * 256 + (c & 0xFF)] ^ t[2 * 256 + ((c >>> 8) & 0xFF)] ^ t[256 + ((c >>> 16) & 0xFF)]
                        ^ t[c >>> 24];
            }
            default:
                for (int k = 0; k < bytes; k++) {
                    crc = t[(crc ^ (int) (value >>> (8 * k))) & 0xFF] ^ (crc >>> 8);
                }
                return crc;
        }
    }
}
