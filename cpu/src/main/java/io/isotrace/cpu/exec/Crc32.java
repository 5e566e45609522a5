package io.isotrace.cpu.exec;

/**
 * The CRC32 and CRC32C instructions (FEAT_CRC32). The Arm ARM defines them on bit-reversed values
 * ({@code BitReverse(acc) : Zeros(size)} reduced by the polynomial, then reversed back), which is the reflected
 * CRC without the initial and final inversion that zlib-style CRC functions add; computed here a byte at a time,
 * least significant byte first, with the reflected polynomials 0xEDB88320 (ISO-HDLC, 0x04C11DB7 reversed) and
 * 0x82F63B78 (Castagnoli, 0x1EDC6F41 reversed).
 */
final class Crc32 {
    static final int[] IEEE = table(0xEDB8_8320);
    static final int[] CASTAGNOLI = table(0x82F6_3B78);

    private Crc32() {
    }

    private static int[] table(int reflectedPoly) {
        int[] t = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ reflectedPoly : c >>> 1;
            }
            t[n] = c;
        }
        return t;
    }

    /** Accumulates the low {@code bytes} bytes of {@code value} into {@code crc}. */
    static long update(int[] table, int crc, long value, int bytes) {
        for (int k = 0; k < bytes; k++) {
            crc = table[(crc ^ (int) (value >>> (8 * k))) & 0xFF] ^ (crc >>> 8);
        }
        return crc;
    }
}
