package io.isotrace.trace.record;

/**
 * A named clock and its frequency. Time crosses domain boundaries in picoseconds (as gem5 ticks do); converting
 * cycles to picoseconds and back rounds the same way everywhere: to the nearest picosecond, halves up.
 *
 * <p>The period is kept as an exact rational (10^12 / hz picoseconds) rather than a rounded integer, so a 1.6 GHz
 * DRAM clock (625 ps) and a 3 GHz core (333.33 ps) both convert without drift over billions of cycles.
 */
public final class ClockDomain {
    private static final long PS_PER_S = 1_000_000_000_000L;

    private final String name;
    private final long hz;
    /** The period in picoseconds as a reduced fraction num/den, fixed at construction. */
    private final long num;
    private final long den;

    public ClockDomain(String name, long hz) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a clock domain needs a name");
        }
        if (hz <= 0 || hz > PS_PER_S) {
            throw new IllegalArgumentException("clock " + name + ": frequency " + hz + " Hz is outside 1 Hz..1 THz");
        }
        this.name = name;
        this.hz = hz;
        long g = gcd(PS_PER_S, hz);
        this.num = PS_PER_S / g;
        this.den = hz / g;
    }

    public String name() {
        return name;
    }

    public long hz() {
        return hz;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClockDomain && ((ClockDomain) o).name.equals(name) && ((ClockDomain) o).hz == hz;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Long.hashCode(hz);
    }

    @Override
    public String toString() {
        return name + "=" + hz + "Hz";
    }

    /** The CPU's default clock: 2 GHz. */
    public static ClockDomain cpuDefault() {
        return new ClockDomain("cpu", 2_000_000_000L);
    }

    /** Picoseconds at the start of cycle {@code cycles}, rounded to nearest (halves up). */
    public long cyclesToPs(long cycles) {
        // The period is psNum/psDen picoseconds, reduced: 500/1 at 2 GHz, 625/1 at 1.6 GHz, 1000/3 at 3 GHz, so
        // the common clocks convert with one multiplication and no division.
        long hi = Math.multiplyHigh(cycles, num);
        long lo = cycles * num;
        if (hi == 0 && lo >= 0) {
            return den == 1 ? lo : (lo + den / 2) / den;
        }
        return java.math.BigInteger.valueOf(cycles).multiply(java.math.BigInteger.valueOf(num))
                .add(java.math.BigInteger.valueOf(den / 2)).divide(java.math.BigInteger.valueOf(den)).longValueExact();
    }

    /** The cycle in progress at time {@code ps} (floor): a request issued mid-cycle belongs to that cycle. */
    public long psToCycles(long ps) {
        long hi = Math.multiplyHigh(ps, den);
        long lo = ps * den;
        if (hi == 0 && lo >= 0) {
            return lo / num;
        }
        return java.math.BigInteger.valueOf(ps).multiply(java.math.BigInteger.valueOf(den))
                .divide(java.math.BigInteger.valueOf(num)).longValueExact();
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The period in picoseconds, rounded to nearest (for display; conversions use the exact ratio). */
    public long periodPs() {
        return (PS_PER_S + hz / 2) / hz;
    }

    /** Parses {@code name=FREQ} or {@code FREQ} with a unit: {@code 2GHz}, {@code 1600MHz}, {@code 625ps}. */
    public static ClockDomain parse(String defaultName, String text) {
        String name = defaultName;
        String freq = text.trim();
        int eq = freq.indexOf('=');
        if (eq >= 0) {
            name = freq.substring(0, eq).trim();
            freq = freq.substring(eq + 1).trim();
        }
        return new ClockDomain(name, parseHz(freq));
    }

    /** Parses a frequency ({@code 2GHz}, {@code 1600MHz}, {@code 100kHz}, {@code 5Hz}) or a period ({@code 625ps}, {@code 1ns}). */
    public static long parseHz(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        String[][] units = {{"ghz", "1000000000"}, {"mhz", "1000000"}, {"khz", "1000"}, {"hz", "1"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                return new java.math.BigDecimal(s.substring(0, s.length() - u[0].length()).trim())
                        .multiply(new java.math.BigDecimal(u[1])).setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValueExact();
            }
        }
        String[][] periods = {{"ps", "1"}, {"ns", "1000"}, {"us", "1000000"}};
        for (String[] p : periods) {
            if (s.endsWith(p[0])) {
                java.math.BigDecimal ps = new java.math.BigDecimal(s.substring(0, s.length() - 2).trim())
                        .multiply(new java.math.BigDecimal(p[1]));
                if (ps.signum() <= 0) {
                    throw new IllegalArgumentException("clock period must be positive: " + text);
                }
                return new java.math.BigDecimal(PS_PER_S).divide(ps, 0, java.math.RoundingMode.HALF_UP).longValueExact();
            }
        }
        throw new IllegalArgumentException("not a frequency or period (try 2GHz, 1600MHz, 625ps): " + text);
    }
}
