package io.isotrace.controller.regs;

import io.isotrace.controller.Controller;
import io.isotrace.controller.ControllerBuilder;
import io.isotrace.controller.ControllerPort;
import io.isotrace.controller.env.ControlError;
import io.isotrace.controller.env.Environments;
import io.isotrace.controller.policy.mpc.Sie200Mpc;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register block as a requester reaches it through the port: Secure-only writes, lock, commands, isolation. */
class RegisterBlockTest {
    private Controller c;
    private ControllerPort port;
    private long base;

    @BeforeEach
    void setUp() {
        ControllerBuilder b = new ControllerBuilder().memory(new PhysicalMemory(1L << 36)).registerBase(0x8000_0000L)
                .tablesBase(0x9000_0000L);
        b.remapper(16, 1024);
        b.mpc(new Sie200Mpc(0x1000_0000L, 1 << 20, 4096));
        c = b.build();
        port = new ControllerPort(c);
        base = c.registers().base();
    }

    private Transaction reg(int offset, boolean write, long value, SecurityState s) {
        Transaction t = new Transaction();
        t.ipa = base + offset;
        t.size = 4;
        t.kind = write ? TransactionKind.WRITE : TransactionKind.READ;
        t.security = s;
        t.data = value;
        port.access(t);
        return t;
    }

    private long read(int offset) {
        return reg(offset, false, 0, SecurityState.SECURE).data;
    }

    private void write(int offset, long v) {
        assertEquals(ReplyStatus.OK, reg(offset, true, v, SecurityState.SECURE).status);
    }

    private int command(Command cmd, long... args) {
        for (int i = 0; i < args.length; i++) {
            write(0x20 + 8 * i, args[i]);
            write(0x24 + 8 * i, args[i] >>> 32);
        }
        write(ControlRegister.CMD.offset(), cmd.code());
        return (int) read(ControlRegister.RESULT.offset());
    }

    @Test
    void resetValuesMatchTheTable() {
        for (ControlRegister r : ControlRegister.values()) {
            if (r.access() != ControlRegister.Access.WO && r != ControlRegister.CAPS) {
                assertEquals(r.reset() & 0xFFFF_FFFFL, read(r.offset()), r.name());
            }
        }
    }

    @Test
    void onlySecureOrRootMayWrite() {
        Transaction t = reg(ControlRegister.ARG0_LO.offset(), true, 0x1234, SecurityState.NON_SECURE);
        assertEquals(ReplyStatus.DENIED, t.status, "a Non-secure write is a bus error");
        t = reg(ControlRegister.ARG0_LO.offset(), true, 0x1234, SecurityState.REALM);
        assertEquals(ReplyStatus.DENIED, t.status, "so is a Realm write");
        assertEquals(0, read(ControlRegister.ARG0_LO.offset()), "and neither took effect");
        assertEquals(ReplyStatus.OK, reg(ControlRegister.ARG0_LO.offset(), true, 0x77, SecurityState.ROOT).status);
        assertEquals(0x77, read(ControlRegister.ARG0_LO.offset()), "Root writes");
        Transaction id = reg(ControlRegister.ID.offset(), false, 0, SecurityState.NON_SECURE);
        assertEquals(ReplyStatus.OK, id.status);
        assertEquals(0x4953_4F43L, id.data, "Non-secure may read the ID");
        assertEquals(ReplyStatus.DENIED, reg(ControlRegister.FAULT_STATUS.offset(), false, 0, SecurityState.NON_SECURE).status);
        // The MPC frame keeps QEMU's behaviour: RAZ/WI for Non-secure (a refusal, answered OKAY on the bus).
        Transaction mpc = reg(0x1000 + Sie200Mpc.CTRL, false, 0, SecurityState.NON_SECURE);
        assertEquals(ReplyStatus.DENIED, mpc.status);
        assertFalse(mpc.abort);
        assertEquals(0, mpc.data);
        assertTrue(c.violations().total() >= 4, "every refused register access is logged");
    }

    @Test
    void commandsCreateMapSwitchAndReportErrors() {
        assertEquals(0, command(Command.ENV_CREATE, 0xFFFF, 0, 0));
        int env = (int) read(ControlRegister.RESULT_VALUE.offset());
        assertEquals(0, command(Command.MAP, env | (long) (PageGrant.READ | PageGrant.WRITE) << 16, 0x40_0000, 0x2000_0000, 0x20_0000));
        write(ControlRegister.ACTIVE_ENV.offset() + 4 * 3, env);
        assertEquals(env, read(ControlRegister.ACTIVE_ENV.offset() + 4 * 3));
        Transaction t = new Transaction();
        t.requester = 3;
        t.ipa = 0x40_1234;
        t.size = 4;
        t.kind = TransactionKind.WRITE;
        t.data = 0xCAFE;
        port.access(t);
        assertEquals(ReplyStatus.OK, t.status);
        assertEquals(0x2000_1234L, t.pa);
        assertEquals(0xCAFE, c.memory().read(0x2000_1234L, 4));
        assertEquals(ControlError.ONTO_REGISTER_BLOCK.code(),
                command(Command.MAP, env | (long) PageGrant.READ << 16, 0x100_0000, base, 0x1000),
                "a mapping onto the register block is refused");
        assertEquals(ControlError.OVERLAPS_MAPPING.code(),
                command(Command.MAP, env | (long) PageGrant.READ << 16, 0x40_0000, 0x3000_0000, 0x1000));
        assertEquals(ControlError.NO_SUCH_ENVIRONMENT.code(), command(Command.UNMAP, 9, 0, 0, 0x1000));
    }

    @Test
    void theBlockIsNeverReachedThroughATranslation() {
        command(Command.ENV_CREATE, 1, 0, 0);
        // Mapping its IPA window is refused too: it would be shadowed by the block, which decodes first.
        assertEquals(ControlError.ONTO_REGISTER_BLOCK.code(), command(Command.MAP, 1 | (long) PageGrant.ALL << 16, base, 0x100_0000, 0x1000));
        Environments envs = c.environments();
        assertEquals(0, envs.mappingCount(1));
        PageGrant g = new PageGrant();
        Transaction probe = new Transaction();
        probe.ipa = base;
        probe.security = SecurityState.SECURE;
        assertFalse(port.grant(probe, g), "the register block is never granted as a frame");
    }

    @Test
    void lockRefusesCommandsButNotSwitchesAndFreezesModelFrames() {
        command(Command.ENV_CREATE, 1, 0, 0);
        command(Command.ENV_CREATE, 2, 0, 0);
        write(0x1000 + Sie200Mpc.INT_SET, 1);
        write(ControlRegister.CTRL.offset(), 0x11);
        assertEquals(1, read(ControlRegister.STATUS.offset()) & 1, "LOCKED");
        assertEquals(ControlError.LOCKED.code(), command(Command.ENV_CREATE, 3, 0, 0));
        assertEquals(ControlError.LOCKED.code(), command(Command.MAP, 1 | (long) PageGrant.ALL << 16, 0, 0x100_0000, 0x1000));
        assertEquals(0, command(Command.SWITCH, 5, 2), "switching stays possible while locked");
        assertEquals(2, read(ControlRegister.ACTIVE_ENV.offset() + 4 * 5));
        write(ControlRegister.CTRL.offset(), 0);
        assertEquals(1, read(ControlRegister.STATUS.offset()) & 1, "the lock is sticky");
        write(0x1000 + Sie200Mpc.BLK_LUT, -1);
        write(0x1000 + Sie200Mpc.BLK_IDX, 0);
        assertEquals(0, read(0x1000 + Sie200Mpc.BLK_LUT), "model frames ignore writes when locked");
        write(0x1000 + Sie200Mpc.INT_CLEAR, 1);
        assertEquals(0, read(0x1000 + Sie200Mpc.INT_STAT), "but their interrupts can be cleared");
    }

    @Test
    void firstFaultIsLatchedUntilIntClear() {
        command(Command.ENV_CREATE, 1, 0, 0);
        command(Command.SWITCH, 7, 1);
        Transaction t = new Transaction();
        t.requester = 7;
        t.ipa = 0x5000;
        t.size = 8;
        t.el = 1;
        t.unprivileged = false;
        port.access(t);
        assertEquals(ReplyStatus.DECODE_ERROR, t.status, "nothing mapped");
        long status = read(ControlRegister.FAULT_STATUS.offset());
        assertEquals(1, status & 1);
        assertEquals(io.isotrace.controller.policy.Reason.UNMAPPED.code(), (status >>> 8) & 0xFF);
        assertEquals(0x5000, read(ControlRegister.FAULT_IPA_LO.offset()));
        assertEquals(7 | (1 << 8) | (1L << 16), read(ControlRegister.FAULT_INFO.offset()), "requester 7, EL1, env 1");
        t.ipa = 0x9000;
        port.access(t);
        assertEquals(0x5000, read(ControlRegister.FAULT_IPA_LO.offset()), "the second fault does not overwrite");
        assertEquals(3, read(ControlRegister.FAULT_STATUS.offset()) & 3, "it sets OVERRUN");
        assertEquals(1, read(ControlRegister.INT_STAT.offset()) & 1);
        write(ControlRegister.INT_CLEAR.offset(), 1);
        assertEquals(0, read(ControlRegister.FAULT_STATUS.offset()));
        assertEquals(2, read(ControlRegister.FAULT_COUNT.offset()));
    }

    @Test
    void misalignedOrOddSizedAccessesAreBusErrors() {
        Transaction t = new Transaction();
        t.ipa = base + 2;
        t.size = 4;
        t.security = SecurityState.SECURE;
        port.access(t);
        assertEquals(ReplyStatus.DENIED, t.status);
        t.ipa = base;
        t.size = 2;
        port.access(t);
        assertEquals(ReplyStatus.DENIED, t.status);
        t.size = 8;
        t.kind = TransactionKind.WRITE;
        t.ipa = base + ControlRegister.ARG1_LO.offset();
        t.data = 0x1122_3344_5566_7788L;
        port.access(t);
        assertEquals(ReplyStatus.OK, t.status);
        assertEquals(0x5566_7788L, read(ControlRegister.ARG1_LO.offset()), "a 64-bit access writes LO ...");
        assertEquals(0x1122_3344L, read(ControlRegister.ARG1_HI.offset()), "... and HI");
    }
}
