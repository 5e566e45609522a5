package io.isotrace.controller.regs;

/**
 * The CoreSight/PrimeCell identification block every Arm peripheral carries at 0xFD0..0xFFC: PIDR4..7, PIDR0..3,
 * CIDR0..3, one byte per 32-bit register. CIDR is always 0x0D, 0xF0, 0x05, 0xB1 (component id 0xB105F00D).
 */
public final class IdRegisters {
    public static final int FIRST = 0xFD0;
    public static final int LAST = 0xFFC;

    private IdRegisters() {
    }

    public static boolean isId(int offset) {
        return offset >= FIRST && offset <= LAST;
    }

    /**
     * @param pidr PIDR0..PIDR7 as bytes in that order
     * @return the register at {@code offset}
     */
    public static int read(int offset, int[] pidr) {
        switch (offset) {
            case 0xFD0: return pidr[4];
            case 0xFD4: return pidr[5];
            case 0xFD8: return pidr[6];
            case 0xFDC: return pidr[7];
            case 0xFE0: return pidr[0];
            case 0xFE4: return pidr[1];
            case 0xFE8: return pidr[2];
            case 0xFEC: return pidr[3];
            case 0xFF0: return 0x0D;
            case 0xFF4: return 0xF0;
            case 0xFF8: return 0x05;
            case 0xFFC: return 0xB1;
            default: return 0;
        }
    }
}
