package io.isotrace.cpu.linux;

/**
 * AT_HWCAP/AT_HWCAP2 (arch/arm64/include/uapi/asm/hwcap.h) and /proc/cpuinfo's "Features": what glibc's IFUNC
 * resolvers and libgcc's outline atomics choose their code paths by.
 *
 * <p>Advertised: FP, ASIMD, PMULL and CRC32 - ARMv8.0 features Isotrace implements, as a Cortex-A53 (the reference,
 * qemu -cpu cortex-a53) has them. Not advertised: AES, SHA1, SHA2 (not implemented), CPUID (MRS of the ID
 * registers is not emulated), and ATOMICS (LSE) and LRCPC: those instructions are implemented, but advertising them
 * would send glibc and libgcc down ARMv8.1+ code paths the ARMv8.0 reference never takes, and the differential
 * harness compares the two. Update together with the instruction tables.
 */
public final class Hwcap {
    public static final long HWCAP_FP = 1L << 0;
    public static final long HWCAP_ASIMD = 1L << 1;
    public static final long HWCAP_PMULL = 1L << 4;
    public static final long HWCAP_CRC32 = 1L << 7;
    public static final long HWCAP_ATOMICS = 1L << 8;

    public static final long HWCAP = HWCAP_FP | HWCAP_ASIMD | HWCAP_PMULL | HWCAP_CRC32;
    public static final long HWCAP2 = 0;

    private Hwcap() {
    }

    /** The advertised features as /proc/cpuinfo names them. */
    static String features() {
        return "fp asimd pmull crc32"; // bit order, as Linux prints them
    }
}
