package io.isotrace.cpu.fpsimd;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The architectural state one test case sets up and observes: V0-V31, X0-X30, FPCR, FPSR, NZCV and a
 * {@link #MEM}-byte scratch memory window that load/store cases address.
 */
final class VState {
    static final int MEM = 256;

    final long[] v = new long[64];
    final long[] x = new long[31];
    long fpcr;
    long fpsr;
    long nzcv;
    final byte[] mem = new byte[MEM];

    VState copy() {
        VState s = new VState();
        System.arraycopy(v, 0, s.v, 0, 64);
        System.arraycopy(x, 0, s.x, 0, 31);
        s.fpcr = fpcr;
        s.fpsr = fpsr;
        s.nzcv = nzcv;
        System.arraycopy(mem, 0, s.mem, 0, MEM);
        return s;
    }

    /**
     * The state a case specification describes: {@code seed=S style=K} fills the registers the instruction word
     * names ({@link CaseFill}), then explicit tokens set values: {@code fpcr= fpsr= nzcv=} (hex), {@code vN=hi:lo},
     * {@code xN=v}, {@code m=hex} (the whole window). Everything not set is zero.
     */
    static VState fromSpec(int word, String spec) {
        VState s = new VState();
        String[] tokens = spec.trim().isEmpty() ? new String[0] : spec.trim().split("\\s+");
        long seed = 0;
        int style = -1;
        for (String tok : tokens) {
            if (tok.startsWith("seed=")) {
                seed = Long.parseUnsignedLong(tok.substring(5), 16);
            } else if (tok.startsWith("style=")) {
                style = Integer.parseInt(tok.substring(6));
            }
        }
        if (style >= 0) {
            CaseFill.fill(s, word, seed, style);
        }
        for (String tok : tokens) {
            int eq = tok.indexOf('=');
            String k = tok.substring(0, eq);
            String val = tok.substring(eq + 1);
            switch (k) {
                case "seed":
                case "style":
                    break;
                case "fpcr":
                    s.fpcr = Long.parseUnsignedLong(val, 16);
                    break;
                case "fpsr":
                    s.fpsr = Long.parseUnsignedLong(val, 16);
                    break;
                case "nzcv":
                    s.nzcv = Long.parseUnsignedLong(val, 16);
                    break;
                case "m":
                    byte[] m = HexFormat.of().parseHex(val);
                    System.arraycopy(m, 0, s.mem, 0, MEM);
                    break;
                default:
                    int r = Integer.parseInt(k.substring(1));
                    if (k.charAt(0) == 'v') {
                        int colon = val.indexOf(':');
                        s.v[2 * r + 1] = Long.parseUnsignedLong(val.substring(0, colon), 16);
                        s.v[2 * r] = Long.parseUnsignedLong(val.substring(colon + 1), 16);
                    } else {
                        s.x[r] = Long.parseUnsignedLong(val, 16);
                    }
            }
        }
        return s;
    }

    static String vText(long[] v, int r) {
        return String.format("v%d=%016x:%016x", r, v[2 * r + 1], v[2 * r]);
    }

    /** What differs from {@code before}, as text (the case file's "expected" half); "-" when nothing changed. */
    String diffText(VState before) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 32; r++) {
            if (v[2 * r] != before.v[2 * r] || v[2 * r + 1] != before.v[2 * r + 1]) {
                sb.append(' ').append(vText(v, r));
            }
        }
        for (int r = 0; r < 31; r++) {
            if (x[r] != before.x[r]) {
                sb.append(" x").append(r).append('=').append(Long.toHexString(x[r]));
            }
        }
        if (fpsr != before.fpsr) {
            sb.append(" fpsr=").append(Long.toHexString(fpsr));
        }
        if (nzcv != before.nzcv) {
            sb.append(" nzcv=").append(Long.toHexString(nzcv));
        }
        if (!Arrays.equals(mem, before.mem)) {
            int lo = 0;
            while (mem[lo] == before.mem[lo]) {
                lo++;
            }
            int hi = MEM - 1;
            while (mem[hi] == before.mem[hi]) {
                hi--;
            }
            sb.append(" m@").append(lo).append('=').append(HexFormat.of().formatHex(mem, lo, hi + 1));
        }
        return sb.length() == 0 ? "-" : sb.substring(1);
    }
}
