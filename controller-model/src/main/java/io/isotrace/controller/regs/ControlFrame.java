package io.isotrace.controller.regs;

import io.isotrace.controller.env.AccessRule;
import io.isotrace.controller.env.ControlError;
import io.isotrace.controller.env.ControlException;
import io.isotrace.controller.env.Environments;
import io.isotrace.controller.notify.Invalidations;
import io.isotrace.controller.policy.Response;
import io.isotrace.controller.policy.Verdict;
import io.isotrace.controller.policy.gpc.GranuleProtection;
import io.isotrace.controller.policy.mpc.Sie200Mpc;
import io.isotrace.controller.policy.remap.EnvironmentRemapper;
import io.isotrace.controller.policy.tzc.Tzc400;
import io.isotrace.trace.record.Transaction;

import java.util.BitSet;

/**
 * The controller's own register frame ({@link ControlRegister} is its map): commands that create and destroy
 * environments, map, unmap, protect, share and switch ({@link Command}); the lock; the latched first fault; the
 * interrupt status of every model.
 */
public final class ControlFrame implements RegisterFrame {
    private final Environments envs;
    private final EnvironmentRemapper remap;
    private final Sie200Mpc mpc;
    private final Tzc400 tzc;
    private final GranuleProtection gpc;
    private final Invalidations invalidations;

    private boolean locked;
    private final long[] args = new long[4];
    private int result;
    private int resultValue;
    private int faultStatus;
    private long faultIpa;
    private long faultPa;
    private int faultInfo;
    private long faultCount;
    private int intEn = ControlRegister.INT_EN.reset();
    private String lastError = "";

    public ControlFrame(Environments envs, EnvironmentRemapper remap, Sie200Mpc mpc, Tzc400 tzc, GranuleProtection gpc,
                        Invalidations invalidations) {
        this.envs = envs;
        this.remap = remap;
        this.mpc = mpc;
        this.tzc = tzc;
        this.gpc = gpc;
        this.invalidations = invalidations;
    }

    @Override
    public String name() {
        return "controller";
    }

    public boolean locked() {
        return locked;
    }

    public void lock() {
        locked = true;
    }

    /** The sentence explaining the last refused command (for logs and tests; the bus sees only RESULT). */
    public String lastError() {
        return lastError;
    }

    /** Latches the first refused access since INT_CLEAR into FAULT_*; counts all of them. */
    public void latch(Transaction t, int verdict) {
        faultCount++;
        if ((faultStatus & 1) != 0) {
            faultStatus |= 2;
            return;
        }
        faultStatus = 1 | (Verdict.response(verdict).code() << 2) | (Verdict.reason(verdict).code() << 8);
        faultIpa = t.ipa;
        faultPa = t.pa;
        faultInfo = (t.requester & 0xFF) | ((t.el & 3) << 8) | (t.security.code() << 10) | (t.kind.code() << 12)
                | ((t.env & 0xFFFF) << 16);
    }

    public int intStat() {
        return (faultStatus & 1) | (mpc != null && mpc.irq() ? 2 : 0) | (tzc != null && tzc.irq() ? 4 : 0)
                | (gpc != null && gpc.faultPending() ? 8 : 0);
    }

    /** The controller's interrupt line. */
    public boolean irq() {
        return (intStat() & intEn) != 0;
    }

    @Override
    public int read(int offset, boolean secure) {
        ControlRegister r = ControlRegister.at(offset);
        if (r == null) {
            return 0;
        }
        switch (r) {
            case ID: case VERSION: return r.reset();
            case CAPS:
                return (envs == null ? 0 : envs.capacity()) | (remap != null ? 1 << 16 : 0) | (mpc != null ? 1 << 17 : 0)
                        | (tzc != null ? 1 << 18 : 0) | (gpc != null ? 1 << 19 : 0);
            case CTRL:
                return (locked ? 1 : 0) | (remap == null || remap.blockedResponse() == Response.BUS_ERROR ? 0x10 : 0);
            case STATUS: return (locked ? 1 : 0) | (irq() ? 2 : 0);
            case ARG0_LO: case ARG1_LO: case ARG2_LO: case ARG3_LO: return (int) args[(offset - 0x20) / 8];
            case ARG0_HI: case ARG1_HI: case ARG2_HI: case ARG3_HI: return (int) (args[(offset - 0x20) / 8] >>> 32);
            case RESULT: return result;
            case RESULT_VALUE: return resultValue;
            case FAULT_STATUS: return faultStatus;
            case FAULT_IPA_LO: return (int) faultIpa;
            case FAULT_IPA_HI: return (int) (faultIpa >>> 32);
            case FAULT_PA_LO: return (int) faultPa;
            case FAULT_PA_HI: return (int) (faultPa >>> 32);
            case FAULT_INFO: return faultInfo;
            case FAULT_COUNT: return (int) Math.min(faultCount, 0xFFFF_FFFFL);
            case INT_STAT: return intStat();
            case INT_EN: return intEn;
            case NOTIFY_COUNT: return (int) Math.min(invalidations.notifications(), 0xFFFF_FFFFL);
            case ACTIVE_ENV: return envs == null ? Environments.NO_ENV : envs.activeEnv((offset - 0x400) / 4);
            default: return 0; // write-only
        }
    }

    @Override
    public void write(int offset, int value, boolean secure) {
        ControlRegister r = ControlRegister.at(offset);
        if (r == null || r.access() == ControlRegister.Access.RO) {
            return;
        }
        long v = value & 0xFFFF_FFFFL;
        switch (r) {
            case CTRL:
                if (!locked) {
                    if (remap != null) {
                        remap.setBlockedResponse((value & 0x10) != 0 ? Response.BUS_ERROR : Response.RAZ_WI);
                    }
                    locked = (value & 1) != 0;
                }
                break;
            case ARG0_LO: case ARG1_LO: case ARG2_LO: case ARG3_LO: {
                int i = (offset - 0x20) / 8;
                args[i] = (args[i] & ~0xFFFF_FFFFL) | v;
                break;
            }
            case ARG0_HI: case ARG1_HI: case ARG2_HI: case ARG3_HI: {
                int i = (offset - 0x20) / 8;
                args[i] = (args[i] & 0xFFFF_FFFFL) | (v << 32);
                break;
            }
            case CMD:
                run(Command.fromCode(value));
                break;
            case INT_CLEAR:
                if ((value & 1) != 0) {
                    faultStatus = 0;
                }
                break;
            case INT_EN:
                intEn = value & 0xF;
                break;
            case ACTIVE_ENV:
                if (envs != null) {
                    attempt(() -> envs.switchTo((offset - 0x400) / 4, value & 0xFFFF));
                }
                break;
            default:
                break;
        }
    }

    private void run(Command c) {
        if (c == null || envs == null) {
            fail(ControlError.BAD_COMMAND, envs == null ? "no environment remapper in the policy stack" : "unknown command");
            return;
        }
        if (locked && c != Command.SWITCH) {
            fail(ControlError.LOCKED, "the register block is locked");
            return;
        }
        int env = (int) (args[0] & 0xFFFF);
        int perms = (int) (args[0] >>> 16) & 0xF;
        switch (c) {
            case ENV_CREATE:
                attempt(() -> resultValue = envs.create(env == 0xFFFF ? -1 : env, null, ruleFrom(args[1], args[2])));
                break;
            case ENV_DESTROY:
                attempt(() -> envs.destroy(env));
                break;
            case MAP:
                attempt(() -> envs.map(env, args[1], args[2], args[3], perms, null));
                break;
            case UNMAP:
                attempt(() -> envs.unmap(env, args[1], args[3]));
                break;
            case PROTECT:
                attempt(() -> envs.protect(env, args[1], args[3], perms, null));
                break;
            case SHARE: {
                BitSet both = new BitSet();
                both.set(env);
                both.set((int) (args[0] >>> 16) & 0xFFFF);
                attempt(() -> envs.share("reg", args[2], args[2] + args[3], both));
                break;
            }
            case SWITCH:
                attempt(() -> envs.switchTo((int) args[0], (int) (args[1] & 0xFFFF)));
                break;
            default:
                fail(ControlError.BAD_COMMAND, "unknown command");
        }
    }

    private static AccessRule ruleFrom(long a1, long a2) {
        int states = (int) a1 & 0xF;
        int els = (int) (a1 >>> 4) & 0xF;
        long[] req = a2 == 0 ? new long[]{-1, -1, -1, -1} : new long[]{a2, 0, 0, 0};
        return new AccessRule(states == 0 ? 0xF : states, els == 0 ? 0xF : els, req);
    }

    private void attempt(Runnable op) {
        try {
            op.run();
            result = ControlError.OK.code();
            lastError = "";
        } catch (ControlException e) {
            fail(e.error(), e.getMessage());
        }
    }

    private void fail(ControlError e, String why) {
        result = e.code();
        lastError = why;
    }

    @Override
    public boolean nonSecureReadable(int offset) {
        return offset == ControlRegister.ID.offset() || offset == ControlRegister.VERSION.offset();
    }

    @Override
    public Response nonSecureResponse() {
        return Response.BUS_ERROR;
    }
}
