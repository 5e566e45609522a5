package io.isotrace.trace.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The fixed 48-byte on-disk form of a {@link Transaction}: six little-endian 64-bit words.
 *
 * <pre>
 * word  bits    field
 *  0    63..0   timePs
 *  1    63..0   va
 *  2    55..0   ipa            63..56 requester
 *  3    55..0   pc (sign-extended from bit 55, so kernel addresses survive)
 *               59..56 kind    61..60 el       63..62 security
 *  4    47..0   pa             63..48 env
 *  5    31..0   latencyPs      47..32 asid     54..48 size
 *               55 unprivileged  56 acquire  57 release
 *               59..58 memoryType  61..60 status  63..62 clockDomain
 * </pre>
 *
 * The sequence number is not stored per record: a batch stores its first sequence number and its records are
 * consecutive (see {@code io.isotrace.trace.queue.BatchFormat}). Widths were chosen from what the architecture can
 * produce: IPA at most 52 bits (FEAT_LPA), PA 48 bits (256 TiB), 16-bit ASIDs, at most 64 bytes per access (LD4 of
 * four Q registers, DC ZVA). VMID has no room yet; it will take a format minor version when stage 2 arrives.
 */
public final class RecordLayout {
    /** Bytes per record. */
    public static final int RECORD_BYTES = 48;

    public static final int IPA_BITS = 56;
    public static final int PC_BITS = 56;
    public static final int PA_BITS = 48;
    public static final int MAX_REQUESTER = 0xFF;
    public static final int MAX_ENV = 0xFFFF;
    public static final int MAX_ASID = 0xFFFF;
    public static final int MAX_SIZE = 0x7F;
    public static final long MAX_LATENCY_PS = 0xFFFF_FFFFL;
    public static final int MAX_CLOCK_DOMAIN = 3;

    private static final long IPA_MASK = (1L << IPA_BITS) - 1;
    private static final long PC_MASK = (1L << PC_BITS) - 1;
    private static final long PA_MASK = (1L << PA_BITS) - 1;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private RecordLayout() {
    }

    /** Writes {@code t} as 48 bytes at {@code buf[off]}. The caller has checked {@link #checkFits}. */
    public static void encode(Transaction t, byte[] buf, int off) {
        LONG.set(buf, off, t.timePs);
        LONG.set(buf, off + 8, t.va);
        LONG.set(buf, off + 16, (t.ipa & IPA_MASK) | ((long) t.requester << 56));
        LONG.set(buf, off + 24, (t.pc & PC_MASK)
                | ((long) t.kind.code() << 56) | ((long) t.el << 60) | ((long) t.security.code() << 62));
        LONG.set(buf, off + 32, (t.pa & PA_MASK) | ((long) t.env << 48));
        LONG.set(buf, off + 40, (t.latencyPs & 0xFFFF_FFFFL)
                | ((long) t.asid << 32)
                | ((long) t.size << 48)
                | (t.unprivileged ? 1L << 55 : 0)
                | (t.acquire ? 1L << 56 : 0)
                | (t.release ? 1L << 57 : 0)
                | ((long) t.memoryType.code() << 58)
                | ((long) t.status.code() << 60)
                | ((long) t.clockDomain << 62));
    }

    /**
     * Fills {@code t} from the 48 bytes at {@code buf[off]} (all fields but {@code seq} and {@code data}). Returns
     * null on success, or a sentence naming the field whose stored code is not assigned (a corrupt record).
     */
    public static String decode(byte[] buf, int off, Transaction t) {
        long w2 = (long) LONG.get(buf, off + 16);
        long w3 = (long) LONG.get(buf, off + 24);
        long w4 = (long) LONG.get(buf, off + 32);
        long w5 = (long) LONG.get(buf, off + 40);
        TransactionKind kind = TransactionKind.fromCode((int) (w3 >>> 56) & 0xF);
        if (kind == null) {
            return "unknown transaction kind code " + ((w3 >>> 56) & 0xF);
        }
        MemoryType memoryType = MemoryType.fromCode((int) (w5 >>> 58) & 3);
        if (memoryType == null) {
            return "unknown memory type code " + ((w5 >>> 58) & 3);
        }
        t.timePs = (long) LONG.get(buf, off);
        t.va = (long) LONG.get(buf, off + 8);
        t.ipa = w2 & IPA_MASK;
        t.requester = (int) (w2 >>> 56);
        t.pc = (w3 << (64 - PC_BITS)) >> (64 - PC_BITS);
        t.kind = kind;
        t.el = (int) (w3 >>> 60) & 3;
        t.security = SecurityState.fromCode((int) (w3 >>> 62));
        t.pa = w4 & PA_MASK;
        t.env = (int) (w4 >>> 48);
        t.latencyPs = w5 & 0xFFFF_FFFFL;
        t.asid = (int) (w5 >>> 32) & 0xFFFF;
        t.size = (int) (w5 >>> 48) & 0x7F;
        t.unprivileged = (w5 & (1L << 55)) != 0;
        t.acquire = (w5 & (1L << 56)) != 0;
        t.release = (w5 & (1L << 57)) != 0;
        t.memoryType = memoryType;
        t.status = ReplyStatus.fromCode((int) (w5 >>> 60) & 3);
        t.clockDomain = (int) (w5 >>> 62) & 3;
        return null;
    }

    /** True when every field of {@code t} fits its width: the writers' per-record check, branch-light. */
    public static boolean fits(Transaction t) {
        long wide = (t.ipa & ~IPA_MASK) | (t.pa & ~PA_MASK) | t.timePs & Long.MIN_VALUE
                | (t.latencyPs & ~MAX_LATENCY_PS);
        int narrow = (t.requester & ~MAX_REQUESTER) | (t.env & ~MAX_ENV) | (t.asid & ~MAX_ASID) | (t.size & ~MAX_SIZE)
                | (t.el & ~3) | (t.clockDomain & ~MAX_CLOCK_DOMAIN);
        return wide == 0 && narrow == 0 && ((t.pc << (64 - PC_BITS)) >> (64 - PC_BITS)) == t.pc
                && t.kind != null && t.security != null && t.memoryType != null && t.status != null;
    }

    /** Null when every field of {@code t} fits its width, else a sentence naming the first that does not. */
    public static String checkFits(Transaction t) {
        if (t.timePs < 0) {
            return "timePs " + t.timePs + " is negative";
        }
        if ((t.ipa & ~IPA_MASK) != 0) {
            return "ipa 0x" + Long.toHexString(t.ipa) + " exceeds " + IPA_BITS + " bits";
        }
        if (((t.pc << (64 - PC_BITS)) >> (64 - PC_BITS)) != t.pc) {
            return "pc 0x" + Long.toHexString(t.pc) + " is not a sign-extended " + PC_BITS + "-bit address";
        }
        if ((t.pa & ~PA_MASK) != 0) {
            return "pa 0x" + Long.toHexString(t.pa) + " exceeds " + PA_BITS + " bits";
        }
        if (t.requester < 0 || t.requester > MAX_REQUESTER) {
            return "requester " + t.requester + " is outside 0.." + MAX_REQUESTER;
        }
        if (t.env < 0 || t.env > MAX_ENV) {
            return "env " + t.env + " is outside 0.." + MAX_ENV;
        }
        if (t.asid < 0 || t.asid > MAX_ASID) {
            return "asid " + t.asid + " is outside 0.." + MAX_ASID;
        }
        if (t.size < 0 || t.size > MAX_SIZE) {
            return "size " + t.size + " is outside 0.." + MAX_SIZE;
        }
        if (t.latencyPs < 0 || t.latencyPs > MAX_LATENCY_PS) {
            return "latencyPs " + t.latencyPs + " is outside 0.." + MAX_LATENCY_PS;
        }
        if (t.el < 0 || t.el > 3) {
            return "el " + t.el + " is outside 0..3";
        }
        if (t.clockDomain < 0 || t.clockDomain > MAX_CLOCK_DOMAIN) {
            return "clockDomain " + t.clockDomain + " is outside 0.." + MAX_CLOCK_DOMAIN;
        }
        if (t.kind == null || t.security == null || t.memoryType == null || t.status == null) {
            return "kind, security, memoryType and status must all be set";
        }
        return null;
    }
}
