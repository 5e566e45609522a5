package io.isotrace.trace.record;

/**
 * One memory transaction and, once answered, the controller's reply.
 *
 * <p>This is a mutable carrier, filled in place and reused: the CPU owns one per requester, the trace reader fills
 * one per record, the controller writes its reply into the same object. Public fields keep the hot paths free of
 * allocation and of accessor noise, the way a C struct or gem5's {@code Packet} would; {@link RecordLayout} defines
 * the width each field has on disk and {@link #validateForRecord()} says when a value does not fit.
 */
public final class Transaction {
    // ---- request: what the requester asks for ----
    /** Position in the trace; strictly increasing within one trace. */
    public long seq;
    /** When the request was issued, in picoseconds since the start of the run. */
    public long timePs;
    /** Index of the clock domain (in the trace header) whose clock issued the request. */
    public int clockDomain;
    /** The core or device that issued the request. */
    public int requester;
    /** Address of the instruction that caused the access, or 0 when not known (attribution only). */
    public long pc;
    /** The virtual address the program used. */
    public long va;
    /** The intermediate physical address the CPU's MMU produced (equal to VA in user mode). */
    public long ipa;
    /** Bytes accessed. */
    public int size;
    public TransactionKind kind = TransactionKind.READ;
    /** Load-acquire semantics (LDAR, LDAXR, LDADDA ...). */
    public boolean acquire;
    /** Store-release semantics (STLR, STLXR, LDADDL ...). */
    public boolean release;
    /** Exception level 0-3 of the requester at the time of the access. */
    public int el;
    public SecurityState security = SecurityState.NON_SECURE;
    /** An unprivileged access: made at EL0, or LDTR/STTR at EL1 (the Arm ARM's AccessDescriptor.unpriv). */
    public boolean unprivileged = true;
    /** Address space identifier of the translation regime that produced the IPA. */
    public int asid;
    public MemoryType memoryType = MemoryType.NORMAL_WB;

    // ---- reply: what the controller answered ----
    /** The true physical address; only the controller knows it. */
    public long pa;
    public ReplyStatus status = ReplyStatus.UNANSWERED;
    /** Time from issue to completion, in picoseconds. */
    public long latencyPs;
    /** The environment (isolated world) that served the access. */
    public int env;
    /**
     * Not recorded: the requester must take a synchronous external abort. Set with DENIED when the policy answers
     * with a bus error (SIE-200 SEC_RESP, TZC-400 ACTION = DECERR) and with DECODE_ERROR; left false for DENIED
     * read-as-zero/write-ignored answers, where a read returns 0 in {@code data} and a write is dropped.
     */
    public boolean abort;

    // ---- not recorded: data carried for device (MMIO) accesses in lockstep ----
    /** The value written, or the value a device read returned (low {@code size} bytes). Never stored in a trace. */
    public long data;

    /** Puts every field back to its initial value. */
    public Transaction clear() {
        seq = 0;
        timePs = 0;
        clockDomain = 0;
        requester = 0;
        pc = 0;
        va = 0;
        ipa = 0;
        size = 0;
        kind = TransactionKind.READ;
        acquire = false;
        release = false;
        el = 0;
        security = SecurityState.NON_SECURE;
        unprivileged = true; // consistent with el = 0
        asid = 0;
        memoryType = MemoryType.NORMAL_WB;
        data = 0;
        return clearReply();
    }

    /** Forgets the reply, so the transaction can be answered again (replay with another policy). */
    public Transaction clearReply() {
        pa = 0;
        status = ReplyStatus.UNANSWERED;
        latencyPs = 0;
        env = 0;
        abort = false;
        return this;
    }

    /** Copies every field of {@code other} into this one. */
    public Transaction copyFrom(Transaction other) {
        seq = other.seq;
        timePs = other.timePs;
        clockDomain = other.clockDomain;
        requester = other.requester;
        pc = other.pc;
        va = other.va;
        ipa = other.ipa;
        size = other.size;
        kind = other.kind;
        acquire = other.acquire;
        release = other.release;
        el = other.el;
        security = other.security;
        unprivileged = other.unprivileged;
        asid = other.asid;
        memoryType = other.memoryType;
        pa = other.pa;
        status = other.status;
        latencyPs = other.latencyPs;
        env = other.env;
        abort = other.abort;
        data = other.data;
        return this;
    }

    /**
     * Returns null when every field fits its on-disk width, else a sentence naming the first field that does not.
     * Writers call this so that a value is refused when written rather than silently truncated.
     */
    public String validateForRecord() {
        return RecordLayout.checkFits(this);
    }

    /** True when both hold the same recorded fields (the MMIO data word is not part of a record). */
    public boolean sameRecord(Transaction o) {
        return seq == o.seq && timePs == o.timePs && clockDomain == o.clockDomain && requester == o.requester
                && pc == o.pc && va == o.va && ipa == o.ipa && size == o.size && kind == o.kind
                && acquire == o.acquire && release == o.release && el == o.el && security == o.security
                && unprivileged == o.unprivileged && asid == o.asid && memoryType == o.memoryType && pa == o.pa
                && status == o.status && latencyPs == o.latencyPs && env == o.env;
    }

    @Override
    public String toString() {
        return TransactionFormat.line(this, new StringBuilder(160)).toString();
    }
}
