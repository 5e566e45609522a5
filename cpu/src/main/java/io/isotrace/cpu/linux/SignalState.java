package io.isotrace.cpu.linux;

import java.util.Arrays;

/**
 * A process's signal state: dispositions, blocked mask, pending set (standard signals do not queue: a second
 * instance while one is pending is merged, keeping the first siginfo) and the alternate signal stack.
 */
public final class SignalState {
    /** Linux dequeues synchronous (fault) signals before others (kernel/signal.c SYNCHRONOUS_MASK). */
    private static final long SYNCHRONOUS = Signals.bit(Signals.SIGSEGV) | Signals.bit(Signals.SIGBUS)
            | Signals.bit(Signals.SIGILL) | Signals.bit(Signals.SIGTRAP) | Signals.bit(Signals.SIGFPE)
            | Signals.bit(Signals.SIGSYS);

    private final SignalAction[] actions = new SignalAction[Signals.NSIG + 1];
    private final SigInfo[] info = new SigInfo[Signals.NSIG + 1];
    public long blocked;
    public long pending;
    /** sigaltstack: base, size and flags (SS_DISABLE when none is set). */
    public long altSp;
    public long altSize;
    public int altFlags = Signals.SS_DISABLE;
    /** A mask to restore when the next handler returns (rt_sigsuspend, ppoll with a mask); valid if set. */
    public long savedMask;
    public boolean hasSavedMask;

    public SignalState() {
        Arrays.fill(actions, SignalAction.DEFAULT);
    }

    public SignalAction action(int sig) {
        return actions[sig];
    }

    public void setAction(int sig, SignalAction a) {
        actions[sig] = a;
    }

    /** A forked child's state: same dispositions, mask and alternate stack; nothing pending. */
    public SignalState copyForFork() {
        SignalState s = new SignalState();
        System.arraycopy(actions, 0, s.actions, 0, actions.length);
        s.blocked = blocked;
        s.altSp = altSp;
        s.altSize = altSize;
        s.altFlags = altFlags;
        return s;
    }

    /** execve: caught signals revert to the default action, ignored ones stay ignored; no alternate stack. */
    public void resetForExec() {
        for (int s = 1; s <= Signals.NSIG; s++) {
            if (!actions[s].isIgnore()) {
                actions[s] = SignalAction.DEFAULT;
            }
        }
        altSp = 0;
        altSize = 0;
        altFlags = Signals.SS_DISABLE;
        hasSavedMask = false;
    }

    /** Marks {@code sig} pending with {@code si}, unless it already is (standard signals do not queue). */
    public void raise(SigInfo si) {
        int sig = si.signo();
        if ((pending & Signals.bit(sig)) == 0) {
            pending |= Signals.bit(sig);
            info[sig] = si;
        }
    }

    /** The signal to deliver next (not blocked; synchronous ones first, then lowest number), or 0. */
    public int next() {
        long ready = pending & ~(blocked & ~Signals.UNBLOCKABLE);
        if (ready == 0) {
            return 0;
        }
        long sync = ready & SYNCHRONOUS;
        return Long.numberOfTrailingZeros(sync != 0 ? sync : ready) + 1;
    }

    /** Removes {@code sig} from the pending set and returns its siginfo. */
    public SigInfo take(int sig) {
        pending &= ~Signals.bit(sig);
        SigInfo si = info[sig];
        info[sig] = null;
        return si;
    }

    /** True when {@code sp} lies on the alternate signal stack. */
    public boolean onAltStack(long sp) {
        return altFlags != Signals.SS_DISABLE && altSize != 0 && Long.compareUnsigned(sp - altSp, altSize) <= 0
                && sp != altSp;
    }
}
