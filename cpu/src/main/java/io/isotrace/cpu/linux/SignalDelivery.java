package io.isotrace.cpu.linux;

import io.isotrace.cpu.decode.Reg;

import java.io.PrintStream;

/**
 * Signals on their way to a process (kernel/signal.c, arch/arm64/kernel/signal.c): generation (ignored ones are
 * dropped unless blocked; SIGKILL ends the process at once), forcing for faults (a blocked or ignored fault signal
 * reverts to its default action), and delivery at the return to user space - the default action (ignore, or end the
 * process with the signal as its status) or a handler entered through a {@link SignalFrame}, one frame at a time,
 * with the handler's mask applied and SA_RESETHAND honoured.
 */
final class SignalDelivery {
    private final LinuxKernel k;
    private final Strace strace;
    private final PrintStream diagnostics;

    SignalDelivery(LinuxKernel k, Strace strace, PrintStream diagnostics) {
        this.k = k;
        this.strace = strace;
        this.diagnostics = diagnostics;
    }

    /**
     * Sends {@code si} to {@code p} (kill, SIGCHLD, SIGPIPE). A signal the process ignores is discarded unless
     * blocked (kernel/signal.c sig_ignored); SIGKILL terminates at once.
     */
    void send(GuestProcess p, SigInfo si) {
        if (!p.alive()) {
            return;
        }
        int sig = si.signo();
        if (sig == Signals.SIGKILL) {
            k.terminate(p, Signals.SIGKILL);
            return;
        }
        boolean blocked = (p.signals.blocked & Signals.bit(sig)) != 0;
        if (!blocked && ignored(p, sig)) {
            return;
        }
        p.signals.raise(si);
    }

    private static boolean ignored(GuestProcess p, int sig) {
        SignalAction a = p.signals.action(sig);
        if (a.isIgnore()) {
            return true;
        }
        Signals.DefaultAction d = Signals.defaultAction(sig);
        return a.isDefault() && (d == Signals.DefaultAction.IGNORE || d == Signals.DefaultAction.STOP);
    }

    /**
     * A signal the process cannot refuse (a fault): if blocked or ignored it reverts to the default action and
     * is unblocked (kernel/signal.c force_sig_info_to_task), then it is delivered now.
     */
    void force(GuestProcess p, SigInfo si, long esr, String why) {
        int sig = si.signo();
        SignalAction a = p.signals.action(sig);
        if (a.isIgnore() || (p.signals.blocked & Signals.bit(sig)) != 0) {
            p.signals.setAction(sig, SignalAction.DEFAULT);
            p.signals.blocked &= ~Signals.bit(sig);
        }
        SignalAction act = p.signals.action(sig);
        if (act.isDefault()) {
            if (strace != null) {
                strace.signal(p, si);
            }
            diagnostics.println("isotrace: " + (p == k.init() ? "guest" : "guest process " + p.pid) + " killed by "
                    + Signals.name(sig) + " at PC 0x" + Long.toHexString(p.cpu.pc) + ": " + why);
            k.terminate(p, sig);
            return;
        }
        handle(p, sig, si, act, esr);
    }

    /** Delivers the pending signals of {@code p} that may be delivered now (one handler frame at a time). */
    void deliver(GuestProcess p) {
        while (p.alive()) {
            int sig = p.signals.next();
            if (sig == 0) {
                return;
            }
            SigInfo si = p.signals.take(sig);
            SignalAction act = p.signals.action(sig);
            if (act.isIgnore()) {
                continue;
            }
            if (act.isDefault()) {
                Signals.DefaultAction d = Signals.defaultAction(sig);
                if (d == Signals.DefaultAction.IGNORE || d == Signals.DefaultAction.STOP) {
                    continue;
                }
                if (strace != null) {
                    strace.signal(p, si);
                }
                if (p == k.init()) {
                    diagnostics.println("isotrace: guest killed by " + Signals.name(sig));
                }
                k.terminate(p, sig);
                return;
            }
            handle(p, sig, si, act, 0);
            return;
        }
    }

    private void handle(GuestProcess p, int sig, SigInfo si, SignalAction act, long esr) {
        // Entering the handler is an exception return to EL0, which clears the local exclusive monitor (Arm ARM
        // D1.x "exception return"): an LDXR before the fault must not pair with an STXR in the handler.
        p.cpu.exclusiveAddress = -1;
        SignalState ss = p.signals;
        long mask = ss.hasSavedMask ? ss.savedMask : ss.blocked;
        ss.hasSavedMask = false;
        if (strace != null) {
            strace.signal(p, si);
        }
        if (!SignalFrame.setup(p, p.cpu, si, act, mask, esr, p.mm.layout().sigpage())) {
            // The frame cannot be written (stack overflow ...): Linux forces SIGSEGV, which then kills.
            p.signals.setAction(Signals.SIGSEGV, SignalAction.DEFAULT);
            diagnostics.println("isotrace: " + (p == k.init() ? "guest" : "guest process " + p.pid)
                    + " killed by SIGSEGV: cannot write the frame for " + Signals.name(sig) + " at SP 0x"
                    + Long.toHexString(p.cpu.x[Reg.SP]));
            k.terminate(p, Signals.SIGSEGV);
            return;
        }
        ss.blocked |= act.mask() | (act.has(Signals.SA_NODEFER) ? 0 : Signals.bit(sig));
        ss.blocked &= ~Signals.UNBLOCKABLE;
        if (act.has(Signals.SA_RESETHAND)) {
            ss.setAction(sig, SignalAction.DEFAULT);
        }
    }
}
