package io.isotrace.trace.record;

/**
 * The one-line human-readable form of a transaction used by {@code trace dump}, logs and test failures. It appends
 * into a caller's StringBuilder so that a dump of millions of records allocates nothing per line.
 *
 * <pre>#42 t=21000ps c0 r0 pc=0x400a10 READ 8B va=0x7ffffff0 ipa=0x7ffffff0 EL0 NS unpriv asid=0 WB -&gt; OK pa=0x7ffffff0 env=0 lat=0ps</pre>
 */
public final class TransactionFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TransactionFormat() {
    }

    public static StringBuilder line(Transaction t, StringBuilder sb) {
        sb.append('#').append(t.seq)
                .append(" t=").append(t.timePs).append("ps")
                .append(" c").append(t.clockDomain)
                .append(" r").append(t.requester);
        hex(sb.append(" pc="), t.pc);
        sb.append(' ').append(t.kind.name()).append(' ').append(t.size).append('B');
        hex(sb.append(" va="), t.va);
        hex(sb.append(" ipa="), t.ipa);
        sb.append(" EL").append(t.el).append(' ').append(t.security.shortName())
                .append(t.unprivileged ? " unpriv" : " priv")
                .append(" asid=").append(t.asid)
                .append(' ').append(t.memoryType.shortName());
        if (t.acquire) {
            sb.append(" acq");
        }
        if (t.release) {
            sb.append(" rel");
        }
        sb.append(" -> ").append(t.status.name());
        if (t.status != ReplyStatus.UNANSWERED) {
            hex(sb.append(" pa="), t.pa);
            sb.append(" env=").append(t.env).append(" lat=").append(t.latencyPs).append("ps");
        }
        return sb;
    }

    /** Appends {@code 0x} and the value in lower-case hexadecimal without leading zeros. */
    public static StringBuilder hex(StringBuilder sb, long v) {
        sb.append("0x");
        int shift = 60;
        while (shift > 0 && ((v >>> shift) & 0xF) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            sb.append(HEX[(int) (v >>> shift) & 0xF]);
        }
        return sb;
    }
}
