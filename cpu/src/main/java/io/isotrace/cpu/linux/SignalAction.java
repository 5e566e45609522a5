package io.isotrace.cpu.linux;

/**
 * One signal's disposition as rt_sigaction sets it: arm64 uses the generic kernel struct sigaction, 32 bytes of
 * {@code sa_handler, sa_flags, sa_restorer, sa_mask} (include/uapi/asm-generic/signal.h with SA_RESTORER defined).
 */
public record SignalAction(long handler, long flags, long restorer, long mask) {
    public static final int SIZE = 32;
    public static final SignalAction DEFAULT = new SignalAction(Signals.SIG_DFL, 0, 0, 0);

    public boolean isDefault() {
        return handler == Signals.SIG_DFL;
    }

    public boolean isIgnore() {
        return handler == Signals.SIG_IGN;
    }

    public boolean has(long flag) {
        return (flags & flag) != 0;
    }

    static SignalAction read(KernelMemory m, long va) {
        return new SignalAction(m.read64(va), m.read64(va + 8), m.read64(va + 16), m.read64(va + 24));
    }

    void write(KernelMemory m, long va) {
        m.write64(va, handler);
        m.write64(va + 8, flags);
        m.write64(va + 16, restorer);
        m.write64(va + 24, mask);
    }
}
