package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.trace.port.LittleEndian;

/**
 * The arm64 signal frame, as arch/arm64/kernel/signal.c builds and unwinds it.
 *
 * <p>Layout (struct rt_sigframe): {@code siginfo} (128 bytes), then {@code struct ucontext}: uc_flags, uc_link,
 * uc_stack (24 bytes), uc_sigmask (8) and padding to the 1024-bit sigset field, then at ucontext offset 176 the
 * {@code struct sigcontext}: fault_address, regs[31], sp, pc, pstate, and the 4096-byte {@code __reserved} area of
 * records: an {@code fpsimd_context} (magic 0x46508001, size 528, fpsr, fpcr, vregs[32]), for faults an
 * {@code esr_context} (magic 0x45535201, size 16, the ESR), and a null terminator. 4688 bytes in all. Above it
 * (get_sigframe) a 16-byte frame record {fp, lr} that x29 points to, so unwinders can walk through the handler.
 *
 * <p>The handler is entered with x0 = signal, x1 = &siginfo and x2 = &ucontext (SA_SIGINFO), sp = the frame,
 * x30 = the restorer (SA_RESTORER's sa_restorer, which glibc always sets, else the trampoline page) that calls
 * rt_sigreturn, which {@link #restore}s everything from the frame.
 */
final class SignalFrame {
    static final int SIZE = 4688;
    private static final int UC = 128;
    private static final int UC_STACK = UC + 16;
    private static final int UC_SIGMASK = UC + 40;
    private static final int MCONTEXT = UC + 176;
    private static final int FAULT_ADDRESS = MCONTEXT;
    private static final int REGS = MCONTEXT + 8;
    private static final int SP = MCONTEXT + 256;
    private static final int PC = MCONTEXT + 264;
    private static final int PSTATE = MCONTEXT + 272;
    private static final int RESERVED = MCONTEXT + 288;
    private static final int RESERVED_SIZE = 4096;

    static final int FPSIMD_MAGIC = 0x46508001;
    static final int FPSIMD_SIZE = 528;
    static final int ESR_MAGIC = 0x45535201;
    static final int ESR_SIZE = 16;

    private SignalFrame() {
    }

    /**
     * Builds the frame for {@code sig} on the process's stack (or its alternate stack) and points the core at the
     * handler. Returns false when the frame cannot be written (the caller then forces SIGSEGV, as Linux does).
     *
     * @param mask the signal mask to restore on return (the one in force before delivery)
     * @param esr  the exception syndrome for a fault, or 0 (no esr_context record)
     */
    static boolean setup(GuestProcess p, Cpu c, SigInfo info, SignalAction act, long mask, long esr,
                         long trampoline) {
        SignalState ss = p.signals;
        long sp = c.x[Reg.SP];
        long spTop = sp;
        if (act.has(Signals.SA_ONSTACK) && ss.altFlags != Signals.SS_DISABLE && ss.altSize != 0
                && !ss.onAltStack(sp)) {
            sp = spTop = ss.altSp + ss.altSize;
        }
        long next = (sp - 16) & ~15L;
        long frame = next - SIZE;
        byte[] b = new byte[SIZE];
        if (act.has(Signals.SA_SIGINFO)) {
            System.arraycopy(info.toBytes(), 0, b, 0, SigInfo.SIZE);
        }
        // uc_flags and uc_link are 0. uc_stack as __save_altstack records it.
        LittleEndian.putLong(b, UC_STACK, ss.altSp);
        LittleEndian.putInt(b, UC_STACK + 8, ss.altFlags == Signals.SS_DISABLE ? Signals.SS_DISABLE
                : ss.onAltStack(c.x[Reg.SP]) ? Signals.SS_ONSTACK : 0);
        LittleEndian.putLong(b, UC_STACK + 16, ss.altSize);
        LittleEndian.putLong(b, UC_SIGMASK, mask);
        LittleEndian.putLong(b, FAULT_ADDRESS, info.isFault() ? info.addr() : 0);
        for (int r = 0; r < 31; r++) {
            LittleEndian.putLong(b, REGS + 8 * r, c.x[r]);
        }
        LittleEndian.putLong(b, SP, c.x[Reg.SP]);
        LittleEndian.putLong(b, PC, c.pc);
        LittleEndian.putLong(b, PSTATE, c.nzcv & 0xF000_0000L);
        int rec = RESERVED;
        LittleEndian.putInt(b, rec, FPSIMD_MAGIC);
        LittleEndian.putInt(b, rec + 4, FPSIMD_SIZE);
        LittleEndian.putInt(b, rec + 8, c.fpsr);
        LittleEndian.putInt(b, rec + 12, c.fpcr);
        for (int k = 0; k < 64; k++) {
            LittleEndian.putLong(b, rec + 16 + 8 * k, c.v[k]);
        }
        rec += FPSIMD_SIZE;
        if (esr != 0) {
            LittleEndian.putInt(b, rec, ESR_MAGIC);
            LittleEndian.putInt(b, rec + 4, ESR_SIZE);
            LittleEndian.putLong(b, rec + 8, esr);
            rec += ESR_SIZE;
        }
        // The terminator {0, 0} is already there.
        try {
            p.mem.write(frame, b, 0, SIZE);
            p.mem.write64(next, c.x[29]);
            p.mem.write64(next + 8, c.x[30]);
        } catch (KernelMemory.Efault e) {
            return false;
        }
        c.x[0] = info.signo();
        if (act.has(Signals.SA_SIGINFO)) {
            c.x[1] = frame;
            c.x[2] = frame + UC;
        }
        c.x[Reg.SP] = frame;
        c.x[29] = next;
        c.x[30] = act.has(Signals.SA_RESTORER) ? act.restorer() : trampoline;
        c.pc = act.handler();
        assert spTop >= frame;
        return true;
    }

    /** rt_sigreturn: restores the state saved at SP. Returns false for a bad frame (Linux: SIGSEGV). */
    static boolean restore(GuestProcess p, Cpu c) {
        long frame = c.x[Reg.SP];
        if ((frame & 15) != 0) {
            return false;
        }
        byte[] b;
        try {
            b = p.mem.read(frame, SIZE);
        } catch (KernelMemory.Efault e) {
            return false;
        }
        long pstate = LittleEndian.getLong(b, PSTATE);
        long pc = LittleEndian.getLong(b, PC);
        if ((pstate & 0x0000_000FL) != 0 || (pc & 3) != 0) {
            return false; // valid_user_regs: must return to EL0 (AArch64 EL0t)
        }
        boolean fpsimd = false;
        for (int rec = RESERVED; rec + 8 <= RESERVED + RESERVED_SIZE; ) {
            int magic = LittleEndian.getInt(b, rec);
            int size = LittleEndian.getInt(b, rec + 4);
            if (magic == 0) {
                break;
            }
            if (size < 8 || (size & 15) != 0 || rec + size > RESERVED + RESERVED_SIZE) {
                return false;
            }
            if (magic == FPSIMD_MAGIC) {
                if (size != FPSIMD_SIZE) {
                    return false;
                }
                c.fpsr = LittleEndian.getInt(b, rec + 8);
                c.fpcr = LittleEndian.getInt(b, rec + 12);
                for (int k = 0; k < 64; k++) {
                    c.v[k] = LittleEndian.getLong(b, rec + 16 + 8 * k);
                }
                fpsimd = true;
            }
            rec += size;
        }
        if (!fpsimd) {
            return false; // parse_user_sigframe insists on an fpsimd_context
        }
        for (int r = 0; r < 31; r++) {
            c.x[r] = LittleEndian.getLong(b, REGS + 8 * r);
        }
        c.x[Reg.SP] = LittleEndian.getLong(b, SP);
        c.pc = pc;
        c.nzcv = (int) (pstate & 0xF000_0000L);
        p.signals.blocked = LittleEndian.getLong(b, UC_SIGMASK) & ~Signals.UNBLOCKABLE;
        // restore_altstack: the stack recorded in the frame becomes current again (ignored if unusable).
        long ssSp = LittleEndian.getLong(b, UC_STACK);
        int ssFlags = LittleEndian.getInt(b, UC_STACK + 8);
        long ssSize = LittleEndian.getLong(b, UC_STACK + 16);
        if (!p.signals.onAltStack(c.x[Reg.SP])) {
            if ((ssFlags & Signals.SS_DISABLE) != 0) {
                p.signals.altFlags = Signals.SS_DISABLE;
                p.signals.altSp = 0;
                p.signals.altSize = 0;
            } else if (ssSize >= Signals.MINSIGSTKSZ) {
                p.signals.altSp = ssSp;
                p.signals.altSize = ssSize;
                p.signals.altFlags = 0;
            }
        }
        return true;
    }
}
