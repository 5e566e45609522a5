package io.isotrace.cpu.linux;

import io.isotrace.cpu.decode.Reg;

/**
 * Signals: rt_sigaction, rt_sigprocmask, rt_sigreturn, sigaltstack, kill/tkill/tgkill, rt_sigsuspend and
 * rt_sigpending. Delivery itself (frames, default actions) is {@link LinuxKernel}'s and {@link SignalFrame}'s.
 */
final class SignalSyscalls {
    private static final int SIGSET_SIZE = 8;

    private final LinuxKernel k;

    SignalSyscalls(LinuxKernel k) {
        this.k = k;
    }

    void register(SyscallTable t) {
        t.add(134, "rt_sigaction", (p, sig, act, old, size, a4, a5) -> sigaction(p, sig, act, old, size));
        t.add(135, "rt_sigprocmask", (p, how, set, old, size, a4, a5) -> sigprocmask(p, how, set, old, size));
        t.add(139, "rt_sigreturn", (p, a0, a1, a2, a3, a4, a5) -> sigreturn(p));
        t.add(132, "sigaltstack", (p, ss, old, a2, a3, a4, a5) -> sigaltstack(p, ss, old));
        t.add(129, "kill", (p, pid, sig, a2, a3, a4, a5) -> kill(p, pid, sig));
        t.add(130, "tkill", (p, tid, sig, a2, a3, a4, a5) -> tkill(p, tid, sig));
        t.add(131, "tgkill", (p, tgid, tid, sig, a3, a4, a5) -> tgid == tid ? tkill(p, tid, sig) : -Errno.ESRCH);
        t.add(133, "rt_sigsuspend", (p, mask, size, a2, a3, a4, a5) -> sigsuspend(p, mask, size));
        t.add(136, "rt_sigpending", (p, set, size, a2, a3, a4, a5) -> {
            if (size != SIGSET_SIZE) {
                return -Errno.EINVAL;
            }
            p.mem.write64(set, p.signals.pending & p.signals.blocked);
            return 0;
        });
    }

    private long sigaction(GuestProcess p, long sig, long actVa, long oldVa, long size) {
        if (size != SIGSET_SIZE || !Signals.valid(sig)) {
            return -Errno.EINVAL;
        }
        int s = (int) sig;
        SignalAction next = actVa != 0 ? SignalAction.read(p.mem, actVa) : null;
        if (next != null && (s == Signals.SIGKILL || s == Signals.SIGSTOP)) {
            return -Errno.EINVAL;
        }
        SignalAction prev = p.signals.action(s);
        if (oldVa != 0) {
            prev.write(p.mem, oldVa);
        }
        if (next != null) {
            next = new SignalAction(next.handler(), next.flags(), next.restorer(),
                    next.mask() & ~Signals.UNBLOCKABLE);
            p.signals.setAction(s, next);
            // Setting a signal to be ignored discards it if pending (kernel/signal.c do_sigaction).
            if (next.isIgnore() || next.isDefault() && Signals.defaultAction(s) == Signals.DefaultAction.IGNORE) {
                p.signals.take(s);
            }
        }
        return 0;
    }

    private long sigprocmask(GuestProcess p, long how, long setVa, long oldVa, long size) {
        if (size != SIGSET_SIZE) {
            return -Errno.EINVAL;
        }
        long old = p.signals.blocked;
        if (setVa != 0) {
            long set = p.mem.read64(setVa);
            switch ((int) how) {
                case Signals.SIG_BLOCK:
                    p.signals.blocked |= set;
                    break;
                case Signals.SIG_UNBLOCK:
                    p.signals.blocked &= ~set;
                    break;
                case Signals.SIG_SETMASK:
                    p.signals.blocked = set;
                    break;
                default:
                    return -Errno.EINVAL;
            }
            p.signals.blocked &= ~Signals.UNBLOCKABLE;
        }
        if (oldVa != 0) {
            p.mem.write64(oldVa, old);
        }
        return 0;
    }

    private long sigreturn(GuestProcess p) {
        if (!SignalFrame.restore(p, p.cpu)) {
            k.forceSignal(p, SigInfo.fault(Signals.SIGSEGV, SigInfo.SI_KERNEL, p.cpu.x[Reg.SP]), 0,
                    "rt_sigreturn with a bad frame at SP 0x" + Long.toHexString(p.cpu.x[Reg.SP]));
        }
        return LinuxKernel.NO_RESULT;
    }

    private long sigaltstack(GuestProcess p, long ssVa, long oldVa) {
        SignalState s = p.signals;
        long sp = p.cpu.x[Reg.SP];
        boolean on = s.onAltStack(sp);
        if (oldVa != 0) {
            p.mem.write64(oldVa, s.altSp);
            p.mem.write64(oldVa + 8, on ? Signals.SS_ONSTACK : s.altFlags);
            p.mem.write64(oldVa + 16, s.altSize);
        }
        if (ssVa != 0) {
            long base = p.mem.read64(ssVa);
            int flags = p.mem.read32(ssVa + 8);
            long size = p.mem.read64(ssVa + 16);
            if (on) {
                return -Errno.EPERM;
            }
            if ((flags & ~(Signals.SS_DISABLE | (1 << 31))) != 0) {
                return -Errno.EINVAL;
            }
            if ((flags & Signals.SS_DISABLE) != 0) {
                s.altSp = 0;
                s.altSize = 0;
                s.altFlags = Signals.SS_DISABLE;
            } else {
                if (size < Signals.MINSIGSTKSZ) {
                    return -Errno.ENOMEM;
                }
                s.altSp = base;
                s.altSize = size;
                s.altFlags = 0;
            }
        }
        return 0;
    }

    /** kill: pid > 0 one process, 0 the caller's group, -1 every process but init, < -1 group -pid. */
    private long kill(GuestProcess p, long pidArg, long sig) {
        if (sig < 0 || sig > Signals.NSIG) {
            return -Errno.EINVAL;
        }
        int pid = (int) pidArg;
        boolean found = false;
        for (GuestProcess q : k.allProcesses()) {
            if (q.state == GuestProcess.State.REAPED) {
                continue;
            }
            boolean hit = pid > 0 ? q.pid == pid : pid == 0 ? q.pgid == p.pgid
                    : pid == -1 ? q != k.init() && q != p : q.pgid == -pid;
            if (!hit) {
                continue;
            }
            found = true;
            if (sig != 0 && q.alive()) {
                k.sendSignal(q, SigInfo.user((int) sig, SigInfo.SI_USER, p.pid));
            }
        }
        return found ? 0 : -Errno.ESRCH;
    }

    private long tkill(GuestProcess p, long tid, long sig) {
        if (sig < 0 || sig > Signals.NSIG) {
            return -Errno.EINVAL;
        }
        GuestProcess q = k.process((int) tid);
        if (q == null || tid <= 0) {
            return -Errno.ESRCH;
        }
        if (sig != 0 && q.alive()) {
            k.sendSignal(q, SigInfo.user((int) sig, SigInfo.SI_TKILL, p.pid));
        }
        return 0;
    }

    /**
     * rt_sigsuspend: waits with a temporary mask until a signal is delivered, then fails with EINTR; the handler's
     * frame records the old mask, so sigreturn restores it.
     */
    private long sigsuspend(GuestProcess p, long maskVa, long size) {
        if (size != SIGSET_SIZE) {
            return -Errno.EINVAL;
        }
        SignalState s = p.signals;
        if (!s.hasSavedMask) {
            s.savedMask = s.blocked;
            s.hasSavedMask = true;
            s.blocked = p.mem.read64(maskVa) & ~Signals.UNBLOCKABLE;
        }
        if (s.next() != 0) {
            return -Errno.EINTR; // delivered on the way out, with the saved mask in its frame
        }
        return k.block(p, () -> false);
    }
}
