package io.isotrace.cpu.exec;

/**
 * Condition codes (Arm ARM ConditionHolds) precomputed for every NZCV value: one table load per test.
 * NZCV is kept as in PSTATE and the NZCV system register: N bit 31, Z bit 30, C bit 29, V bit 28.
 */
public final class Conditions {
    public static final int N = 1 << 31;
    public static final int Z = 1 << 30;
    public static final int C = 1 << 29;
    public static final int V = 1 << 28;

    private static final boolean[] HOLDS = new boolean[16 * 16];

    static {
        for (int cond = 0; cond < 16; cond++) {
            for (int f = 0; f < 16; f++) {
                boolean n = (f & 8) != 0;
                boolean z = (f & 4) != 0;
                boolean c = (f & 2) != 0;
                boolean v = (f & 1) != 0;
                boolean r;
                switch (cond >>> 1) {
                    case 0: r = z; break;              // EQ / NE
                    case 1: r = c; break;              // CS / CC
                    case 2: r = n; break;              // MI / PL
                    case 3: r = v; break;              // VS / VC
                    case 4: r = c && !z; break;        // HI / LS
                    case 5: r = n == v; break;         // GE / LT
                    case 6: r = n == v && !z; break;   // GT / LE
                    default: r = true;                 // AL / NV
                }
                // Odd conditions invert, except 1111 (NV) which, like AL, always holds.
                if ((cond & 1) == 1 && cond != 15) {
                    r = !r;
                }
                HOLDS[cond << 4 | f] = r;
            }
        }
    }

    private Conditions() {
    }

    public static boolean holds(int cond, int nzcv) {
        return HOLDS[cond << 4 | (nzcv >>> 28)];
    }
}
