package io.isotrace.trace.record;

/**
 * The compact form of records within one batch: each record is coded as its differences from the record before it
 * (the first from an all-zero record), so a batch decodes on its own and a reader can seek to any batch.
 *
 * <pre>
 * flags     1 byte   bit 0 attrs changed   bit 1 ipa-va changed   bit 2 pa-ipa changed   bit 3 latency changed
 *                    bit 4 pc changed      bits 5-7 zero
 * time      zigzag varint  timePs - previous timePs
 * va        zigzag varint  va - previous va of the same stream (instruction fetches and data have one each)
 * attrs     varint         attrs XOR previous attrs          (if bit 0)
 * ipa-va    zigzag varint  change of (ipa - va)              (if bit 1)
 * pa-ipa    zigzag varint  change of (pa - ipa)              (if bit 2)
 * latency   zigzag varint  change of latencyPs               (if bit 3)
 * pc        zigzag varint  pc - previous pc                  (if bit 4)
 * </pre>
 *
 * The attribute word packs the small fields with the ones that change most in the low bits (kind and size), so the
 * XOR of two neighbouring records' attributes is usually one or two varint bytes; user-mode runs have ipa = va,
 * an environment keeps pa - ipa constant, and fetches and data each walk their own neighbourhood. Measured on
 * recorded guests, a record takes 6-9 bytes instead of {@link RecordLayout#RECORD_BYTES}. Field widths and checks
 * are those of {@link RecordLayout}.
 */
public final class CompactCodec {
    /** The most bytes one record can take (flags, two 10-byte varints, five optional ones). */
    public static final int MAX_RECORD_BYTES = 1 + 7 * 10;

    private static final int F_ATTRS = 1;
    private static final int F_IPA = 2;
    private static final int F_PA = 4;
    private static final int F_LATENCY = 8;
    private static final int F_PC = 16;
    private static final int F_UNKNOWN = 0xE0;

    // The previous record, as differences are taken from it.
    private long time;
    private long fetchVa;
    private long dataVa;
    private long attrs;
    private long ipaOff;
    private long paOff;
    private long latency;
    private long pc;

    /** Forgets the previous record: call at the start of every batch, on both sides. */
    public void reset() {
        time = 0;
        fetchVa = 0;
        dataVa = 0;
        attrs = 0;
        ipaOff = 0;
        paOff = 0;
        latency = 0;
        pc = 0;
    }

    /** Packs the small fields, the most changeable lowest. */
    static long attrs(Transaction t) {
        return t.kind.code()
                | ((long) t.size << 4)
                | (t.acquire ? 1L << 11 : 0)
                | (t.release ? 1L << 12 : 0)
                | (t.unprivileged ? 1L << 13 : 0)
                | ((long) t.el << 14)
                | ((long) t.security.code() << 16)
                | ((long) t.memoryType.code() << 18)
                | ((long) t.status.code() << 20)
                | ((long) t.clockDomain << 22)
                | ((long) t.requester << 24)
                | ((long) t.asid << 32)
                | ((long) t.env << 48);
    }

    /** Writes {@code t} at {@code buf[pos]}; returns the position after it. The caller has checked the fields fit. */
    public int encode(Transaction t, byte[] buf, int pos) {
        long a = attrs(t);
        long io = t.ipa - t.va;
        long po = t.pa - t.ipa;
        int flags = (a != attrs ? F_ATTRS : 0) | (io != ipaOff ? F_IPA : 0) | (po != paOff ? F_PA : 0)
                | (t.latencyPs != latency ? F_LATENCY : 0) | (t.pc != pc ? F_PC : 0);
        buf[pos++] = (byte) flags;
        pos = zigzag(buf, pos, t.timePs - time);
        time = t.timePs;
        if (t.kind == TransactionKind.IFETCH) {
            pos = zigzag(buf, pos, t.va - fetchVa);
            fetchVa = t.va;
        } else {
            pos = zigzag(buf, pos, t.va - dataVa);
            dataVa = t.va;
        }
        if ((flags & F_ATTRS) != 0) {
            pos = varint(buf, pos, a ^ attrs);
            attrs = a;
        }
        if ((flags & F_IPA) != 0) {
            pos = zigzag(buf, pos, io - ipaOff);
            ipaOff = io;
        }
        if ((flags & F_PA) != 0) {
            pos = zigzag(buf, pos, po - paOff);
            paOff = po;
        }
        if ((flags & F_LATENCY) != 0) {
            pos = zigzag(buf, pos, t.latencyPs - latency);
            latency = t.latencyPs;
        }
        if ((flags & F_PC) != 0) {
            pos = zigzag(buf, pos, t.pc - pc);
            pc = t.pc;
        }
        return pos;
    }

    /** Position after the record decoded by the last {@link #decode}, or -1 after a corrupt one. */
    private int next;

    /**
     * Reads the record at {@code buf[pos]} (not beyond {@code end}) into {@code t} (all fields but seq and data).
     * Returns null, with {@link #position()} after the record, or a sentence naming what is corrupt.
     */
    public String decode(byte[] buf, int pos, int end, Transaction t) {
        if (pos >= end) {
            return "record runs past the end of its batch";
        }
        int flags = buf[pos] & 0xFF;
        if ((flags & F_UNKNOWN) != 0) {
            return "unknown flags 0x" + Integer.toHexString(flags);
        }
        cur = pos + 1;
        long dt = readVarint(buf, end);
        if (cur < 0) {
            return "truncated time";
        }
        time += unzigzag(dt);
        long vaDelta = unzigzag(readVarint(buf, end));
        if (cur < 0) {
            return "truncated va";
        }
        if ((flags & F_ATTRS) != 0) {
            attrs ^= readVarint(buf, end);
            if (cur < 0) {
                return "truncated attributes";
            }
        }
        TransactionKind kind = TransactionKind.fromCode((int) attrs & 0xF);
        MemoryType memoryType = MemoryType.fromCode((int) (attrs >>> 18) & 3);
        if (kind == null || memoryType == null) {
            return "unknown " + (kind == null ? "transaction kind" : "memory type") + " code";
        }
        long va;
        if (kind == TransactionKind.IFETCH) {
            va = fetchVa += vaDelta;
        } else {
            va = dataVa += vaDelta;
        }
        if ((flags & F_IPA) != 0) {
            ipaOff += unzigzag(readVarint(buf, end));
            if (cur < 0) {
                return "truncated ipa";
            }
        }
        if ((flags & F_PA) != 0) {
            paOff += unzigzag(readVarint(buf, end));
            if (cur < 0) {
                return "truncated pa";
            }
        }
        if ((flags & F_LATENCY) != 0) {
            latency += unzigzag(readVarint(buf, end));
            if (cur < 0) {
                return "truncated latency";
            }
        }
        if ((flags & F_PC) != 0) {
            pc += unzigzag(readVarint(buf, end));
            if (cur < 0) {
                return "truncated pc";
            }
        }
        t.timePs = time;
        t.va = va;
        t.ipa = va + ipaOff;
        t.pa = t.ipa + paOff;
        t.latencyPs = latency;
        t.pc = pc;
        t.kind = kind;
        t.size = (int) (attrs >>> 4) & 0x7F;
        t.acquire = (attrs & (1L << 11)) != 0;
        t.release = (attrs & (1L << 12)) != 0;
        t.unprivileged = (attrs & (1L << 13)) != 0;
        t.el = (int) (attrs >>> 14) & 3;
        t.security = SecurityState.fromCode((int) (attrs >>> 16) & 3);
        t.memoryType = memoryType;
        t.status = ReplyStatus.fromCode((int) (attrs >>> 20) & 3);
        t.clockDomain = (int) (attrs >>> 22) & 3;
        t.requester = (int) (attrs >>> 24) & 0xFF;
        t.asid = (int) (attrs >>> 32) & 0xFFFF;
        t.env = (int) (attrs >>> 48) & 0xFFFF;
        next = cur;
        return null;
    }

    /** The read cursor of {@link #decode}: a field, not a returned pair, so the varint reads need no scratch array. */
    private int cur;

    /** Position after the record the last successful {@link #decode} read. */
    public int position() {
        return next;
    }

    private static int zigzag(byte[] buf, int pos, long v) {
        return varint(buf, pos, (v << 1) ^ (v >> 63));
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static int varint(byte[] buf, int pos, long v) {
        // Most differences fit one or two bytes: take those without a loop.
        if ((v & ~0x7FL) == 0) {
            buf[pos] = (byte) v;
            return pos + 1;
        }
        if ((v & ~0x3FFFL) == 0) {
            buf[pos] = (byte) (v | 0x80);
            buf[pos + 1] = (byte) (v >>> 7);
            return pos + 2;
        }
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
        return pos;
    }

    /**
     * Reads an unsigned varint at {@link #cur} (not beyond {@code end}) and moves {@code cur} past it; on a varint
     * that runs past {@code end}, sets {@code cur} to -1. The one- and two-byte forms most differences take are read
     * without the loop.
     */
    private long readVarint(byte[] buf, int end) {
        int p = cur;
        if (p + 1 < end) {
            int b0 = buf[p];
            if (b0 >= 0) {
                cur = p + 1;
                return b0;
            }
            int b1 = buf[p + 1];
            if (b1 >= 0) {
                cur = p + 2;
                return (b0 & 0x7F) | ((long) b1 << 7);
            }
        }
        return readVarintLoop(buf, end);
    }

    private long readVarintLoop(byte[] buf, int end) {
        int p = cur;
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (p >= end) {
                break;
            }
            int b = buf[p++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                cur = p;
                return v;
            }
        }
        cur = -1;
        return 0;
    }
}
