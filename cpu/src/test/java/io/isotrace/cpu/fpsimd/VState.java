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

    /** The nonzero parts as text (the case file's "input" half): {@code fpcr=.. fpsr=.. nzcv=.. v3=hi:lo x4=..}. */
    String inputText() {
        StringBuilder sb = new StringBuilder();
        sb.append("fpcr=").append(Long.toHexString(fpcr)).append(" fpsr=").append(Long.toHexString(fpsr))
                .append(" nzcv=").append(Long.toHexString(nzcv));
        for (int r = 0; r < 32; r++) {
            if (v[2 * r] != 0 || v[2 * r + 1] != 0) {
                sb.append(' ').append(vText(r));
            }
        }
        for (int r = 0; r < 31; r++) {
            if (x[r] != 0) {
                sb.append(" x").append(r).append('=').append(Long.toHexString(x[r]));
            }
        }
        if (!allZero(mem)) {
            sb.append(" m=").append(HexFormat.of().formatHex(mem));
        }
        return sb.toString();
    }

    /** What differs from {@code before}, as text (the case file's "expected" half); "-" when nothing changed. */
    String diffText(VState before) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 32; r++) {
            if (v[2 * r] != before.v[2 * r] || v[2 * r + 1] != before.v[2 * r + 1]) {
                sb.append(' ').append(vText(r));
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
            sb.append(" m=").append(HexFormat.of().formatHex(mem));
        }
        return sb.length() == 0 ? "-" : sb.substring(1);
    }

    private String vText(int r) {
        return String.format("v%d=%016x:%016x", r, v[2 * r + 1], v[2 * r]);
    }

    /** Parses {@link #inputText()} output (all unlisted state is zero). */
    static VState parseInput(String text) {
        VState s = new VState();
        for (String tok : text.trim().split("\\s+")) {
            int eq = tok.indexOf('=');
            String k = tok.substring(0, eq);
            String val = tok.substring(eq + 1);
            switch (k) {
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

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
