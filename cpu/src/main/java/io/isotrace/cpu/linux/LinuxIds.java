package io.isotrace.cpu.linux;

/**
 * The identity the guest sees. Fixed, not the host's, so that runs are reproducible on any machine: the guest is
 * an ordinary user (1000:1000) in process 1000.
 */
public final class LinuxIds {
    public static final int UID = 1000;
    public static final int GID = 1000;
    public static final int FIRST_PID = 1000;

    private LinuxIds() {
    }
}
