package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.SimdMemExec;

/**
 * The disassembly placeholders of the SIMD&amp;FP rows, reached from {@link Disassembler} for names it does not know.
 * SIMD&amp;FP rows keep register numbers (0-31) in {@code rd rn rm ra}, the element size as log2 bytes in
 * {@code size} (0 B, 1 H, 2 S, 3 D, 4 Q) and the Q bit (128-bit vector) in {@code is64}.
 *
 * <pre>
 * {fd} {fn} {fm} {fa} {ft2}  scalar SIMD&amp;FP register named by size: b5 h5 s5 d5 q5
 * {Fd} {Fn}              the same, sized by {@code opt} (the other format of a conversion)
 * {gd} {gn}              a general register, x when {@code shift} is 1, else w (DUP, INS, UMOV, SMOV)
 * {T}                    arrangement of (size, Q): 8b 16b 4h 8h 2s 4s 1d 2d
 * {Tw}                   the double-width arrangement (size + 1, 128 bits): 8h 4s 2d (1q for PMULL)
 * {Tp}                   the double-width arrangement at the same vector length (pairwise long ops): 4h 8h ...
 * {Tp2}                  the pair a scalar pairwise op reads: 2s or 2d
 * {Ts} {Tws}             element letter of size / size + 1: b h s d
 * {fimm}                 the FP value whose bits are in imm, as objdump prints it
 * {vimm}                 a modified immediate (imm8 with LSL/MSL, a byte mask, or an FP value)
 * {vd64}                 MOVI's 64-bit destination: d5 (scalar form) or v5.2d
 * {vlist}                register list from rd: count in cond, arrangement (size, Q)
 * {elist}                element list from rd: count in cond, element letter of size, lane imm2
 * {tlist}                TBL/TBX table list from rn: count in cond, 16b
 * {addr}                 a load/store address by addressing mode (see SimdMemExec)
 * {n2}                   "2" when Q is set (the upper-half forms: XTN2, UADDL2 ...)
 * {E}                    "e" for the signalling compares (FCMPE, FCCMPE)
 * {umov} {orr} {ushll} {sshll}  mnemonics with objdump's preferred aliases: MOV for UMOV of S/D elements and
 *                        for ORR Vd, Vn, Vn; UXTL/SXTL for a shift of 0
 * </pre>
 */
final class SimdDisassembly {
    private static final String LETTERS = "bhsdq";

    private SimdDisassembly() {
    }

    /** Appends placeholder {@code name} if it is one of ours; returns false otherwise. */
    static boolean placeholder(Insn i, String name, StringBuilder sb) {
        switch (name) {
            case "fd":
                return fpReg(i.rd, i.size, sb);
            case "fn":
                return fpReg(i.rn, i.size, sb);
            case "fm":
                return fpReg(i.rm, i.size, sb);
            case "fa":
                return fpReg(i.ra, i.size, sb);
            case "ft2":
                return fpReg(i.rt2, i.size, sb);
            case "addr":
                address(i, sb);
                return true;
            case "Fd":
                return fpReg(i.rd, i.opt, sb);
            case "Fn":
                return fpReg(i.rn, i.opt, sb);
            case "T":
                sb.append(arrangement(i.size, i.is64));
                return true;
            case "Tw":
                sb.append(arrangement(i.size + 1, true));
                return true;
            case "Tp":
                sb.append(arrangement(i.size + 1, i.is64));
                return true;
            case "Tp2":
                sb.append(i.size == 3 ? "2d" : "2s");
                return true;
            case "Ts":
                sb.append(LETTERS.charAt(i.size & 3));
                return true;
            case "Tws":
                sb.append(LETTERS.charAt((i.size + 1) & 3));
                return true;
            case "gn":
                sb.append(Reg.name(i.rn, i.shift == 1));
                return true;
            case "gd":
                sb.append(Reg.name(i.rd, i.shift == 1));
                return true;
            case "vd64":
                sb.append(i.is64 ? "v" + i.rd + ".2d" : "d" + i.rd);
                return true;
            case "vimm":
                vectorImmediate(i, sb);
                return true;
            case "umov":
                sb.append(i.size >= 2 ? "mov" : "umov");
                return true;
            case "orr":
                // ORR Vd, Vn, Vn is MOV (vector), as objdump prints it.
                String t = arrangement(i.size, i.is64);
                if (i.rn == i.rm) {
                    sb.append("mov v").append(i.rd).append('.').append(t).append(", v").append(i.rn).append('.')
                            .append(t);
                } else {
                    sb.append("orr v").append(i.rd).append('.').append(t).append(", v").append(i.rn).append('.')
                            .append(t).append(", v").append(i.rm).append('.').append(t);
                }
                return true;
            case "ushll":
            case "sshll":
                shiftLong(i, name.charAt(0), sb);
                return true;
            case "E":
                if (i.amount != 0) {
                    sb.append('e');
                }
                return true;
            case "n2":
                if (i.is64) {
                    sb.append('2');
                }
                return true;
            case "fimm":
                sb.append('#').append(fpImmediate(i));
                return true;
            case "vlist":
                list(i.rd, i.cond, "." + arrangement(i.size, i.is64), sb);
                return true;
            case "elist":
                list(i.rd, i.cond, "." + LETTERS.charAt(i.size & 3), sb);
                sb.append('[').append(i.imm2).append(']');
                return true;
            case "tlist":
                list(i.rn, i.cond, ".16b", sb);
                return true;
            default:
                return false;
        }
    }

    private static final String[] EXTENDS = {"", "", "uxtw", "lsl", "", "", "sxtw", "sxtx"};

    /** A load/store address in objdump's syntax, by the addressing mode in {@code opt} (see SimdMemExec). */
    private static void address(Insn i, StringBuilder sb) {
        String base = Reg.name(i.rn, true);
        switch (i.opt) {
            case SimdMemExec.OFFSET:
                sb.append('[').append(base);
                if (i.imm != 0) {
                    sb.append(", #").append(i.imm);
                }
                sb.append(']');
                break;
            case SimdMemExec.PRE:
                sb.append('[').append(base).append(", #").append(i.imm).append("]!");
                break;
            case SimdMemExec.POST:
                sb.append('[').append(base).append("], #").append(i.imm);
                break;
            case SimdMemExec.POST_REG:
                sb.append('[').append(base).append("], ").append(Reg.name(i.rm, true));
                break;
            default: {
                // Register offset: cond holds the S bit (scaled index); LSL without S prints nothing.
                boolean x = (i.shift & 1) != 0;
                boolean scaled = i.cond != 0;
                sb.append('[').append(base).append(", ").append(Reg.name(i.rm, x));
                if (i.shift != 3 || scaled) {
                    sb.append(", ").append(EXTENDS[i.shift & 7]);
                    if (scaled) {
                        sb.append(" #").append(i.amount);
                    }
                }
                sb.append(']');
            }
        }
    }

    /** A modified-immediate operand: shift 2 FP, size 3 byte mask, else imm8 with its LSL/MSL. */
    private static void vectorImmediate(Insn i, StringBuilder sb) {
        if (i.shift == 2) {
            double d = i.size == 3 ? Double.longBitsToDouble(i.imm) : Float.intBitsToFloat((int) i.imm);
            sb.append('#').append(String.format(java.util.Locale.ROOT, "%.18e", d));
        } else if (i.size == 3) {
            sb.append("#0x").append(Long.toHexString(i.imm));
        } else {
            sb.append("#0x").append(Long.toHexString(i.imm2));
            if (i.amount != 0) {
                sb.append(i.shift == 1 ? ", msl #" : ", lsl #").append(i.amount);
            }
        }
    }

    /** USHLL/SSHLL, or their aliases UXTL/SXTL when the shift is 0. */
    private static void shiftLong(Insn i, char u, StringBuilder sb) {
        String wide = arrangement(i.size + 1, true);
        String narrow = arrangement(i.size, i.is64);
        String two = i.is64 ? "2" : "";
        if (i.amount == 0) {
            sb.append(u).append("xtl").append(two).append(" v").append(i.rd).append('.').append(wide).append(", v")
                    .append(i.rn).append('.').append(narrow);
        } else {
            sb.append(u).append("shll").append(two).append(" v").append(i.rd).append('.').append(wide).append(", v")
                    .append(i.rn).append('.').append(narrow).append(", #").append(i.amount);
        }
    }

    private static boolean fpReg(int r, int size, StringBuilder sb) {
        sb.append(LETTERS.charAt(Math.min(size, 4))).append(r);
        return true;
    }

    static String arrangement(int size, boolean q) {
        switch (size) {
            case 4:
                return "1q";
            case 0:
                return q ? "16b" : "8b";
            case 1:
                return q ? "8h" : "4h";
            case 2:
                return q ? "4s" : "2s";
            default:
                return q ? "2d" : "1d";
        }
    }

    /** objdump's rendering of an FP immediate: %.18e of the value. */
    private static String fpImmediate(Insn i) {
        double d;
        if (i.size == 2) {
            d = Float.intBitsToFloat((int) i.imm);
        } else if (i.size == 1) {
            d = half((int) i.imm);
        } else {
            d = Double.longBitsToDouble(i.imm);
        }
        return String.format(java.util.Locale.ROOT, "%.18e", d);
    }

    private static void list(int first, int count, String suffix, StringBuilder sb) {
        sb.append('{');
        if (count > 2 && first + count - 1 <= 31) {
            sb.append('v').append(first).append(suffix).append("-v").append((first + count - 1) & 31).append(suffix);
        } else {
            for (int k = 0; k < count; k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                sb.append('v').append((first + k) & 31).append(suffix);
            }
        }
        sb.append('}');
    }

    /** The value of half-precision bits (Java 17 has no Float.float16ToFloat). */
    private static double half(int h) {
        int e = (h >> 10) & 0x1F;
        int f = h & 0x3FF;
        double v = e == 0 ? f * 0x1p-24 : e == 31 ? (f == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : Math.scalb(1 + f / 1024.0, e - 15);
        return (h & 0x8000) != 0 ? -v : v;
    }
}
