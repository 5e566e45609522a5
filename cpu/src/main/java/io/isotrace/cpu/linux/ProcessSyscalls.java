package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.trace.BadInputException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Processes: clone (fork and vfork), execve, exit, wait4/waitid, identities, process groups, resource limits,
 * prctl, uname and the scheduling calls. Threads (clone with CLONE_VM and without CLONE_VFORK) are not supported:
 * such a clone fails with ENOSYS and one warning.
 */
final class ProcessSyscalls {
    /** clone flags (include/uapi/linux/sched.h). */
    static final long CSIGNAL = 0xFF;
    static final long CLONE_VM = 0x100;
    static final long CLONE_FS = 0x200;
    static final long CLONE_FILES = 0x400;
    static final long CLONE_SIGHAND = 0x800;
    static final long CLONE_VFORK = 0x4000;
    static final long CLONE_PARENT = 0x8000;
    static final long CLONE_THREAD = 0x10000;
    static final long CLONE_SETTLS = 0x80000;
    static final long CLONE_PARENT_SETTID = 0x100000;
    static final long CLONE_CHILD_CLEARTID = 0x200000;
    static final long CLONE_CHILD_SETTID = 0x1000000;

    /** wait options. */
    static final long WNOHANG = 1;
    static final long WUNTRACED = 2;
    static final long WEXITED = 4;
    static final long WNOWAIT = 0x0100_0000;

    /** uname's answers: a fixed, plausible arm64 Linux (not the host's). */
    static final String UTS_SYSNAME = "Linux";
    static final String UTS_NODENAME = "isotrace";
    static final String UTS_RELEASE = "6.1.0-isotrace";
    static final String UTS_VERSION = "#1 SMP PREEMPT Thu Jan  1 00:00:00 UTC 2026";
    static final String UTS_MACHINE = "aarch64";
    static final String UTS_DOMAIN = "(none)";

    private static final int MAX_ARGS = 1 << 17;

    private final LinuxKernel k;

    ProcessSyscalls(LinuxKernel k) {
        this.k = k;
    }

    void register(SyscallTable t) {
        t.add(93, "exit", (p, status, a1, a2, a3, a4, a5) -> exit(p, status));
        t.add(94, "exit_group", (p, status, a1, a2, a3, a4, a5) -> exit(p, status));
        t.add(220, "clone", (p, flags, stack, ptid, tls, ctid, a5) -> clone(p, flags, stack, ptid, tls, ctid));
        // glibc falls back to clone when clone3 is not there, as on older kernels; qemu 7.2 does the same.
        t.add(435, "clone3", (p, a0, a1, a2, a3, a4, a5) -> -Errno.ENOSYS);
        t.add(221, "execve", (p, path, argv, envp, a3, a4, a5) -> execve(p, OpenFlags.AT_FDCWD, path, argv, envp, 0));
        t.add(281, "execveat", (p, dirfd, path, argv, envp, flags, a5) -> execve(p, dirfd, path, argv, envp, flags));
        t.add(260, "wait4", (p, pid, status, options, rusage, a4, a5) -> wait4(p, pid, status, options, rusage));
        t.add(95, "waitid", (p, idtype, id, infop, options, rusage, a5) -> waitid(p, idtype, id, infop, options));
        t.add(172, "getpid", (p, a0, a1, a2, a3, a4, a5) -> p.pid);
        t.add(173, "getppid", (p, a0, a1, a2, a3, a4, a5) -> p.ppid);
        t.add(178, "gettid", (p, a0, a1, a2, a3, a4, a5) -> p.pid);
        t.add(174, "getuid", (p, a0, a1, a2, a3, a4, a5) -> LinuxIds.UID);
        t.add(175, "geteuid", (p, a0, a1, a2, a3, a4, a5) -> LinuxIds.UID);
        t.add(176, "getgid", (p, a0, a1, a2, a3, a4, a5) -> LinuxIds.GID);
        t.add(177, "getegid", (p, a0, a1, a2, a3, a4, a5) -> LinuxIds.GID);
        t.add(148, "getresuid", (p, r, e, s, a3, a4, a5) -> getres(p, r, e, s, LinuxIds.UID));
        t.add(150, "getresgid", (p, r, e, s, a3, a4, a5) -> getres(p, r, e, s, LinuxIds.GID));
        t.add(158, "getgroups", (p, size, list, a2, a3, a4, a5) -> getgroups(p, size, list));
        t.add(146, "setuid", (p, id, a1, a2, a3, a4, a5) -> setId(id));
        t.add(144, "setgid", (p, id, a1, a2, a3, a4, a5) -> setId(id));
        t.add(154, "setpgid", (p, pid, pgid, a2, a3, a4, a5) -> setpgid(p, pid, pgid));
        t.add(155, "getpgid", (p, pid, a1, a2, a3, a4, a5) -> getpgid(p, pid));
        t.add(156, "getsid", (p, pid, a1, a2, a3, a4, a5) -> getsid(p, pid));
        t.add(157, "setsid", (p, a0, a1, a2, a3, a4, a5) -> setsid(p));
        t.add(96, "set_tid_address", (p, tidptr, a1, a2, a3, a4, a5) -> {
            p.clearChildTid = tidptr;
            return p.pid;
        });
        // Robust futex lists matter only to threads; the list is accepted (as Linux does) and never walked.
        t.add(99, "set_robust_list", (p, head, len, a2, a3, a4, a5) -> len == 24 ? 0 : -Errno.EINVAL);
        // qemu-aarch64 answers rseq with ENOSYS, and glibc copes; so does Isotrace.
        t.add(293, "rseq", (p, a0, a1, a2, a3, a4, a5) -> -Errno.ENOSYS);
        t.add(261, "prlimit64", (p, pid, res, newLim, oldLim, a4, a5) -> prlimit(p, pid, res, newLim, oldLim));
        t.add(163, "getrlimit", (p, res, lim, a2, a3, a4, a5) -> prlimit(p, 0, res, 0, lim));
        t.add(164, "setrlimit", (p, res, lim, a2, a3, a4, a5) -> prlimit(p, 0, res, lim, 0));
        t.add(165, "getrusage", (p, who, usage, a2, a3, a4, a5) -> getrusage(p, usage));
        t.add(167, "prctl", (p, option, a1, a2, a3, a4, a5) -> prctl(p, option, a1));
        t.add(160, "uname", (p, buf, a1, a2, a3, a4, a5) -> uname(p, buf));
        t.add(123, "sched_getaffinity", (p, pid, size, mask, a3, a4, a5) -> getaffinity(p, size, mask));
        t.add(122, "sched_setaffinity", (p, pid, size, mask, a3, a4, a5) -> 0);
        t.add(124, "sched_yield", (p, a0, a1, a2, a3, a4, a5) -> 0);
        t.add(141, "getpriority", (p, which, who, a2, a3, a4, a5) -> 20); // nice 0, as the raw syscall encodes it
        t.add(140, "setpriority", (p, which, who, prio, a3, a4, a5) -> 0);
        t.add(168, "getcpu", (p, cpu, node, a2, a3, a4, a5) -> getcpu(p, cpu, node));
        t.add(179, "sysinfo", (p, info, a1, a2, a3, a4, a5) -> sysinfo(p, info));
        t.add(166, "umask", (p, mask, a1, a2, a3, a4, a5) -> {
            int old = p.umask;
            p.umask = (int) mask & 0777;
            return old;
        });
        t.add(98, "futex", (p, uaddr, op, val, timeout, uaddr2, val3) -> futex(p, uaddr, op, val));
        t.add(278, "getrandom", (p, buf, len, flags, a3, a4, a5) -> getrandom(p, buf, len));
        t.add(283, "membarrier", (p, a0, a1, a2, a3, a4, a5) -> -Errno.ENOSYS);
    }

    // ------------------------------------------------------------------ exit

    private long exit(GuestProcess p, long status) {
        k.exit(p, (int) status);
        return LinuxKernel.NO_RESULT;
    }

    // ------------------------------------------------------------------ clone

    private long clone(GuestProcess parent, long flags, long stack, long ptid, long tls, long ctid) {
        boolean vfork = (flags & CLONE_VFORK) != 0;
        if ((flags & CLONE_VM) != 0 && !vfork || (flags & CLONE_THREAD) != 0) {
            k.warnOnce("threads (clone with CLONE_VM or CLONE_THREAD) are not supported; clone returns ENOSYS");
            return -Errno.ENOSYS;
        }
        int pid = k.allocatePid();
        GuestProcess child = new GuestProcess(pid, parent.fds.copy(), parent.signals.copyForFork());
        child.exitSignal = (int) (flags & CSIGNAL);
        child.pgid = parent.pgid;
        child.sid = parent.sid;
        child.exe = parent.exe;
        child.cwd = parent.cwd;
        child.umask = parent.umask;
        GuestProcess parentOfChild = (flags & CLONE_PARENT) != 0 && parent.parent != null ? parent.parent : parent;
        child.ppid = parentOfChild.pid;
        child.parent = parentOfChild;
        if ((flags & CLONE_VM) != 0) {
            child.setMm(parent.mm);
            parent.mm.users++;
        } else {
            child.setMm(parent.mm.copyForFork(pid & 0xFFFF));
        }
        Cpu pc = parent.cpu;
        Cpu cc = k.newCpu(child);
        System.arraycopy(pc.x, 0, cc.x, 0, pc.x.length);
        System.arraycopy(pc.v, 0, cc.v, 0, pc.v.length);
        cc.nzcv = pc.nzcv;
        cc.fpcr = pc.fpcr;
        cc.fpsr = pc.fpsr;
        cc.tpidrEl0 = (flags & CLONE_SETTLS) != 0 ? tls : pc.tpidrEl0;
        cc.tpidrroEl0 = pc.tpidrroEl0;
        cc.pc = pc.pc;
        cc.x[0] = 0;
        if (stack != 0) {
            cc.x[Reg.SP] = stack;
        }
        child.cpu = cc;
        if ((flags & CLONE_CHILD_SETTID) != 0) {
            child.mem.write32(ctid, pid);
        }
        if ((flags & CLONE_CHILD_CLEARTID) != 0) {
            child.clearChildTid = ctid;
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            parent.mem.write32(ptid, pid);
        }
        parentOfChild.children.add(child);
        k.addProcess(child);
        if (vfork) {
            // The parent sleeps until the child execs or exits; clone's result is already its answer.
            child.vforkParent = parent;
            parent.state = GuestProcess.State.BLOCKED;
            parent.blocker = new Scheduler.VforkWait(child);
            parent.restart = null;
            parent.cpu.yieldCpu();
        }
        return pid;
    }

    // ------------------------------------------------------------------ execve

    private long execve(GuestProcess p, long dirfd, long pathVa, long argvVa, long envpVa, long flags) {
        String path = p.mem.readCString(pathVa, GuestPaths.PATH_MAX);
        List<byte[]> argv = p.mem.readStringArray(argvVa, MAX_ARGS);
        List<byte[]> envp = p.mem.readStringArray(envpVa, MAX_ARGS);
        Executable exe;
        if (path.isEmpty() && (flags & OpenFlags.AT_EMPTY_PATH) != 0) {
            OpenFile f = p.fds.get(dirfd);
            if (f.hostFile() == null) {
                return -Errno.EACCES;
            }
            exe = new Executable(f.hostFile(), f.describe());
        } else {
            exe = k.resolveExecutable(p, dirfd, path, (flags & OpenFlags.AT_SYMLINK_NOFOLLOW) == 0);
        }
        ProgramLoader.Prepared prog = ProgramLoader.prepare(k, p, exe, argv);
        // Point of no return: the old image goes.
        Cpu old = p.cpu;
        k.releaseVforkParent(p);
        k.releaseMm(p);
        p.fds.closeOnExec();
        p.signals.resetForExec();
        try {
            ProgramLoader.load(k, p, prog, envp, path.getBytes(StandardCharsets.UTF_8));
        } catch (BadInputException | KernelMemory.Efault | SyscallError e) {
            k.diagnostics().println("isotrace: execve of " + exe.guestPath() + " failed after the point of no "
                    + "return: " + e.getMessage());
            p.cpu = old;
            k.terminate(p, Signals.SIGSEGV);
            return LinuxKernel.NO_RESULT;
        }
        // The old core stops here; the scheduler continues the process on its new core.
        old.yieldCpu();
        return LinuxKernel.NO_RESULT;
    }

    // ------------------------------------------------------------------ wait

    private boolean matches(GuestProcess p, GuestProcess c, long pid) {
        int want = (int) pid;
        if (want > 0) {
            return c.pid == want;
        }
        if (want == 0) {
            return c.pgid == p.pgid;
        }
        if (want < -1) {
            return c.pgid == -want;
        }
        return true;
    }

    private long wait4(GuestProcess p, long pid, long statusVa, long options, long rusage) {
        if ((options & ~(WNOHANG | WUNTRACED | 8 | 0x2000_0000L | 0x4000_0000L | 0x8000_0000L)) != 0) {
            return -Errno.EINVAL;
        }
        boolean any = false;
        for (GuestProcess c : p.children) {
            if (!matches(p, c, pid)) {
                continue;
            }
            any = true;
            if (c.state == GuestProcess.State.ZOMBIE) {
                if (statusVa != 0) {
                    p.mem.write32(statusVa, c.waitStatus);
                }
                if (rusage != 0) {
                    p.mem.write(rusage, new byte[144]);
                }
                k.reap(p, c);
                return c.pid;
            }
        }
        if (!any) {
            return -Errno.ECHILD;
        }
        if ((options & WNOHANG) != 0) {
            return 0;
        }
        return k.block(p, () -> {
            for (GuestProcess c : p.children) {
                if (matches(p, c, pid) && c.state == GuestProcess.State.ZOMBIE) {
                    return true;
                }
            }
            return p.children.stream().noneMatch(c -> matches(p, c, pid));
        });
    }

    /** waitid(idtype, id, siginfo, options): P_ALL 0, P_PID 1, P_PGID 2. */
    private long waitid(GuestProcess p, long idtype, long id, long infop, long options) {
        long pid;
        switch ((int) idtype) {
            case 0:
                pid = -1;
                break;
            case 1:
                pid = id;
                break;
            case 2:
                pid = id == 0 ? 0 : -id;
                break;
            default:
                return -Errno.EINVAL;
        }
        if ((options & (WEXITED | WUNTRACED | 8)) == 0) {
            return -Errno.EINVAL;
        }
        boolean any = false;
        for (GuestProcess c : p.children) {
            if (!matches(p, c, pid)) {
                continue;
            }
            any = true;
            if (c.state == GuestProcess.State.ZOMBIE && (options & WEXITED) != 0) {
                if (infop != 0) {
                    int ws = c.waitStatus;
                    boolean exited = (ws & 0x7F) == 0;
                    SigInfo si = SigInfo.child(exited ? SigInfo.CLD_EXITED : SigInfo.CLD_KILLED, c.pid,
                            exited ? (ws >> 8) & 0xFF : ws & 0x7F);
                    p.mem.write(infop, si.toBytes());
                }
                if ((options & WNOWAIT) == 0) {
                    k.reap(p, c);
                }
                return 0;
            }
        }
        if (!any) {
            return -Errno.ECHILD;
        }
        if ((options & WNOHANG) != 0) {
            if (infop != 0) {
                p.mem.write(infop, new byte[SigInfo.SIZE]);
            }
            return 0;
        }
        long finalPid = pid;
        return k.block(p, () -> p.children.stream().anyMatch(c -> matches(p, c, finalPid)
                && c.state == GuestProcess.State.ZOMBIE) || p.children.stream().noneMatch(c -> matches(p, c,
                finalPid)));
    }

    // ------------------------------------------------------------------ identity and groups

    private long getres(GuestProcess p, long r, long e, long s, int id) {
        for (long va : new long[] {r, e, s}) {
            if (va != 0) {
                p.mem.write32(va, id);
            }
        }
        return 0;
    }

    private long getgroups(GuestProcess p, long size, long list) {
        if (size == 0) {
            return 1;
        }
        if (size < 1) {
            return -Errno.EINVAL;
        }
        p.mem.write32(list, LinuxIds.GID);
        return 1;
    }

    /** An unprivileged process may "change" to its own id only. */
    private static long setId(long id) {
        return (int) id == LinuxIds.UID || (int) id == LinuxIds.GID ? 0 : -Errno.EPERM;
    }

    private GuestProcess target(GuestProcess p, long pid) {
        if (pid == 0 || (int) pid == p.pid) {
            return p;
        }
        GuestProcess q = k.process((int) pid);
        if (q == null || !q.alive() && q.state != GuestProcess.State.ZOMBIE) {
            throw new SyscallError(Errno.ESRCH);
        }
        return q;
    }

    private long setpgid(GuestProcess p, long pid, long pgid) {
        if (pgid < 0) {
            return -Errno.EINVAL;
        }
        GuestProcess q = target(p, pid);
        if (q != p && q.parent != p) {
            return -Errno.ESRCH;
        }
        q.pgid = pgid == 0 ? q.pid : (int) pgid;
        return 0;
    }

    private long getpgid(GuestProcess p, long pid) {
        return target(p, pid).pgid;
    }

    private long getsid(GuestProcess p, long pid) {
        return target(p, pid).sid;
    }

    private long setsid(GuestProcess p) {
        if (p.pgid == p.pid) {
            return -Errno.EPERM;
        }
        p.sid = p.pid;
        p.pgid = p.pid;
        return p.pid;
    }

    // ------------------------------------------------------------------ limits, names, system information

    /** Resource limits: fixed values like a default Linux login (stack 8 MiB, 1024 files), settable but not enforced. */
    private final long[][] limits = defaultLimits();

    private static long[][] defaultLimits() {
        long inf = -1L;
        long[][] l = new long[16][];
        for (int i = 0; i < l.length; i++) {
            l[i] = new long[] {inf, inf};
        }
        l[3] = new long[] {VaLayout.STACK_SIZE, inf}; // RLIMIT_STACK
        l[4] = new long[] {0, inf}; // RLIMIT_CORE
        l[6] = new long[] {4096, 4096}; // RLIMIT_NPROC
        l[7] = new long[] {FdTable.MAX_FDS, 4096}; // RLIMIT_NOFILE
        l[8] = new long[] {8L << 20, 8L << 20}; // RLIMIT_MEMLOCK
        l[11] = new long[] {0, 0}; // RLIMIT_SIGPENDING placeholder
        l[13] = new long[] {0, 0}; // RLIMIT_NICE
        l[14] = new long[] {0, 0}; // RLIMIT_RTPRIO
        return l;
    }

    private long prlimit(GuestProcess p, long pid, long resource, long newLim, long oldLim) {
        target(p, pid);
        if (resource < 0 || resource >= limits.length) {
            return -Errno.EINVAL;
        }
        long[] l = limits[(int) resource];
        if (oldLim != 0) {
            p.mem.write64(oldLim, l[0]);
            p.mem.write64(oldLim + 8, l[1]);
        }
        if (newLim != 0) {
            long cur = p.mem.read64(newLim);
            long max = p.mem.read64(newLim + 8);
            if (Long.compareUnsigned(cur, max) > 0) {
                return -Errno.EINVAL;
            }
            l[0] = cur;
            l[1] = max;
        }
        return 0;
    }

    private long getrusage(GuestProcess p, long usage) {
        byte[] b = new byte[144];
        long us = k.now() / 1_000_000L;
        io.isotrace.trace.port.LittleEndian.putLong(b, 0, us / 1_000_000L);
        io.isotrace.trace.port.LittleEndian.putLong(b, 8, us % 1_000_000L);
        p.mem.write(usage, b);
        return 0;
    }

    private long prctl(GuestProcess p, long option, long arg2) {
        switch ((int) option) {
            case 15: // PR_SET_NAME
                p.comm = p.mem.readCString(arg2, 16);
                return 0;
            case 16: { // PR_GET_NAME
                byte[] b = new byte[16];
                byte[] n = p.comm().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(n, 0, b, 0, Math.min(15, n.length));
                p.mem.write(arg2, b);
                return 0;
            }
            case 1: // PR_SET_PDEATHSIG
            case 4: // PR_SET_DUMPABLE
            case 38: // PR_SET_NO_NEW_PRIVS
                return 0;
            case 3: // PR_GET_DUMPABLE
                return 1;
            default:
                return -Errno.EINVAL;
        }
    }

    private long uname(GuestProcess p, long buf) {
        byte[] b = new byte[6 * 65];
        String[] f = {UTS_SYSNAME, UTS_NODENAME, UTS_RELEASE, UTS_VERSION, UTS_MACHINE, UTS_DOMAIN};
        for (int i = 0; i < f.length; i++) {
            byte[] s = f[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, b, 65 * i, Math.min(64, s.length));
        }
        p.mem.write(buf, b);
        return 0;
    }

    /** One CPU (the simulated core): mask 0x1; returns the bytes written, as the raw syscall does. */
    private long getaffinity(GuestProcess p, long size, long mask) {
        if (size < 8 || (size & 7) != 0) {
            return -Errno.EINVAL;
        }
        byte[] b = new byte[8];
        b[0] = 1;
        p.mem.write(mask, b);
        return 8;
    }

    private long getcpu(GuestProcess p, long cpu, long node) {
        if (cpu != 0) {
            p.mem.write32(cpu, 0);
        }
        if (node != 0) {
            p.mem.write32(node, 0);
        }
        return 0;
    }

    private long sysinfo(GuestProcess p, long info) {
        byte[] b = new byte[112];
        long uptime = k.now() / 1_000_000_000_000L;
        io.isotrace.trace.port.LittleEndian.putLong(b, 0, uptime);
        io.isotrace.trace.port.LittleEndian.putLong(b, 32, 4L << 30); // totalram
        io.isotrace.trace.port.LittleEndian.putLong(b, 40, 3L << 30); // freeram
        int procs = 0;
        for (GuestProcess q : k.allProcesses()) {
            if (q.alive()) {
                procs++;
            }
        }
        io.isotrace.trace.port.LittleEndian.put(b, 80, 2, procs);
        io.isotrace.trace.port.LittleEndian.putInt(b, 104, 1); // mem_unit
        p.mem.write(info, b);
        return 0;
    }

    // ------------------------------------------------------------------ futex, getrandom

    /**
     * futex with one thread per process: WAIT returns EAGAIN when the word differs and would otherwise sleep
     * forever (no other thread can wake it), so it returns ETIMEDOUT as if a timeout passed; WAKE wakes nobody.
     */
    private long futex(GuestProcess p, long uaddr, long op, long val) {
        int cmd = (int) op & 0x7F;
        switch (cmd) {
            case 0: // FUTEX_WAIT
            case 9: // FUTEX_WAIT_BITSET
                if (p.mem.read32(uaddr) != (int) val) {
                    return -Errno.EAGAIN;
                }
                k.warnOnce("futex wait on a word no other thread can change; returning ETIMEDOUT");
                return -Errno.ETIMEDOUT;
            case 1: // FUTEX_WAKE
            case 10: // FUTEX_WAKE_BITSET
            case 5: // FUTEX_WAKE_OP
                return 0;
            case 3: // FUTEX_REQUEUE
            case 4: // FUTEX_CMP_REQUEUE
                return 0;
            default:
                return -Errno.ENOSYS;
        }
    }

    /** getrandom: bytes from the run's seeded generator, so every run of the same program sees the same ones. */
    private long getrandom(GuestProcess p, long buf, long len) {
        int n = (int) Math.min(len, 1 << 25);
        byte[] b = new byte[n];
        k.random.nextBytes(b);
        p.mem.write(buf, b);
        return n;
    }
}
