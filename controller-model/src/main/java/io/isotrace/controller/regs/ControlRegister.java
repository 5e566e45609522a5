package io.isotrace.controller.regs;

/**
 * The controller frame's register map (offset 0x0000 of the register block), as a table: offset, access and reset
 * value. {@link ControlFrame} dispatches on it and the README's register map is written from the same facts.
 * Every register is 32 bits; 64-bit quantities are LO/HI pairs, and an aligned 64-bit access to a LO register
 * reaches both halves (LO first).
 */
public enum ControlRegister {
    ID(0x000, Access.RO, 0x4953_4F43, "'ISOC': identifies the Isotrace controller"),
    VERSION(0x004, Access.RO, 0x0001_0000, "register map version 1.0"),
    CAPS(0x008, Access.RO, 0, "[15:0] environments supported; bits 16..19: remapper, MPC, TZC-400, GPC present"),
    CTRL(0x010, Access.RW, 0x10, "bit 0 LOCK (write 1; sticky until reset), bit 4 SEC_RESP (remapper refusals: 1 bus error, 0 RAZ/WI)"),
    STATUS(0x014, Access.RO, 0, "bit 0 LOCKED, bit 1 IRQ (the interrupt line)"),
    ARG0_LO(0x020, Access.RW, 0, "command argument 0, bits 31:0"),
    ARG0_HI(0x024, Access.RW, 0, "command argument 0, bits 63:32"),
    ARG1_LO(0x028, Access.RW, 0, "command argument 1, bits 31:0"),
    ARG1_HI(0x02C, Access.RW, 0, "command argument 1, bits 63:32"),
    ARG2_LO(0x030, Access.RW, 0, "command argument 2, bits 31:0"),
    ARG2_HI(0x034, Access.RW, 0, "command argument 2, bits 63:32"),
    ARG3_LO(0x038, Access.RW, 0, "command argument 3, bits 31:0"),
    ARG3_HI(0x03C, Access.RW, 0, "command argument 3, bits 63:32"),
    CMD(0x040, Access.WO, 0, "write a command code (see Command) to run it with ARG0..ARG3"),
    RESULT(0x044, Access.RO, 0, "ControlError code of the last command (0 = OK)"),
    RESULT_VALUE(0x048, Access.RO, 0, "value produced by the last command (ENV_CREATE: the new id)"),
    FAULT_STATUS(0x080, Access.RO, 0, "bit 0 VALID, bit 1 OVERRUN, [3:2] response, [15:8] reason code (first fault since INT_CLEAR)"),
    FAULT_IPA_LO(0x084, Access.RO, 0, "IPA of the first fault, bits 31:0"),
    FAULT_IPA_HI(0x088, Access.RO, 0, "IPA of the first fault, bits 63:32"),
    FAULT_PA_LO(0x08C, Access.RO, 0, "PA of the first fault (after translation), bits 31:0"),
    FAULT_PA_HI(0x090, Access.RO, 0, "PA of the first fault, bits 63:32"),
    FAULT_INFO(0x094, Access.RO, 0, "[7:0] requester, [9:8] EL, [11:10] security state, [15:12] kind, [31:16] environment"),
    FAULT_COUNT(0x098, Access.RO, 0, "refused accesses since reset (saturates)"),
    INT_STAT(0x0A0, Access.RO, 0, "bit 0 controller fault, bit 1 MPC IRQ, bit 2 TZC-400 IRQ, bit 3 GPC fault"),
    INT_CLEAR(0x0A4, Access.WO, 0, "write 1 to bit 0: clear the controller fault (re-arms FAULT_* latching)"),
    INT_EN(0x0A8, Access.RW, 0xF, "interrupt enables, bits as INT_STAT; IRQ = INT_STAT AND INT_EN"),
    NOTIFY_COUNT(0x0B0, Access.RO, 0, "invalidation notifications sent (saturates)"),
    ACTIVE_ENV(0x400, Access.RW, 0xFFFF, "0x400 + 4 r, r = 0..255: requester r's active environment; write to switch (0xFFFF = none)");

    /** Register access from the bus. */
    public enum Access {
        RO, WO, RW
    }

    public static final int ACTIVE_ENV_END = 0x800;

    private static final ControlRegister[] BY_WORD = new ControlRegister[0x1000 / 4];

    static {
        for (ControlRegister r : values()) {
            BY_WORD[r.offset / 4] = r;
        }
        for (int o = 0x400; o < ACTIVE_ENV_END; o += 4) {
            BY_WORD[o / 4] = ACTIVE_ENV;
        }
    }

    private final int offset;
    private final Access access;
    private final int reset;
    private final String description;

    ControlRegister(int offset, Access access, int reset, String description) {
        this.offset = offset;
        this.access = access;
        this.reset = reset;
        this.description = description;
    }

    public int offset() {
        return offset;
    }

    public Access access() {
        return access;
    }

    public int reset() {
        return reset;
    }

    public String description() {
        return description;
    }

    /** The register at a word-aligned frame offset, or null for a reserved offset. */
    public static ControlRegister at(int offset) {
        return offset >= 0 && offset < 0x1000 ? BY_WORD[offset >>> 2] : null;
    }
}
