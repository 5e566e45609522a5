package io.isotrace.cpu.linux;

/**
 * AT_HWCAP/AT_HWCAP2 (arch/arm64/include/uapi/asm/hwcap.h): advertises exactly what the emulator implements, so
 * glibc's IFUNC resolvers pick code paths that will run. Update together with the instruction tables.
 */
public final class Hwcap {
    public static final long HWCAP_FP = 1L << 0;
    public static final long HWCAP_ASIMD = 1L << 1;
    public static final long HWCAP_ATOMICS = 1L << 8;

    /** What is implemented today. */
    public static final long HWCAP = 0;
    public static final long HWCAP2 = 0;

    private Hwcap() {
    }
}
