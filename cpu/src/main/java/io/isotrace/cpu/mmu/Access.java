package io.isotrace.cpu.mmu;

/** What an access needs from a page: the permission bits stage 1 and the controller grant in. */
public final class Access {
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXECUTE = 4;

    private Access() {
    }

    public static String name(int access) {
        switch (access) {
            case READ:
                return "read";
            case WRITE:
                return "write";
            case EXECUTE:
                return "execute";
            default:
                return "access " + access;
        }
    }
}
