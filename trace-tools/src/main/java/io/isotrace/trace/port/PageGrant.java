package io.isotrace.trace.port;

/**
 * What {@link MemoryPort#grant} hands out: the frame behind one IPA page and what may be done there. Mutable and
 * reused, like {@link io.isotrace.trace.record.Transaction}.
 */
public final class PageGrant {
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXECUTE = 4;
    /** Reads made by a translation-table walk. */
    public static final int WALK = 8;
    public static final int ALL = READ | WRITE | EXECUTE | WALK;

    /** The page's backing bytes: exactly {@link PhysicalMemory#FRAME_BYTES} long, page offset 0 at index 0. */
    public byte[] frame;
    /** Physical address of the frame (page aligned). */
    public long pa;
    /** The environment that owns the translation. */
    public int env;
    /** Bitwise OR of READ, WRITE, EXECUTE, WALK. */
    public int permissions;

    public boolean allows(int permission) {
        return (permissions & permission) == permission;
    }

    public PageGrant clear() {
        frame = null;
        pa = 0;
        env = 0;
        permissions = 0;
        return this;
    }
}
