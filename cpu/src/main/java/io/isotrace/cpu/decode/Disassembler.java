package io.isotrace.cpu.decode;

/**
 * Renders a decoded instruction from its encoding's template. Placeholders name an operand field of
 * {@link Insn} and optionally a format:
 *
 * <pre>
 * {d} {n} {m} {a} {t2}     register, x or w by is64 (sp/xzr resolved from the register-file index)
 * {d:x} {d:w}              register at a fixed width
 * {d:q} {d:v} {d:d} {d:s} {d:h} {d:b}   SIMD&amp;FP register names (q5, v5, d5, ...)
 * {imm} {imm2}             immediate: decimal below 10, else 0x-hex (signed values print with a minus)
 * {imm:d} {imm:x}          immediate in decimal / hexadecimal
 * {target}                 the absolute PC-relative target held in imm
 * {cond}                   condition mnemonic of the cond field
 * {shift}                  ", lsl #n" from shift (type) and amount, or nothing when the amount is 0 and type LSL
 * {ext}                    ", uxtw #n" style extend from shift (option) and amount
 * {amount} {size} {opt}    small integers in decimal
 * </pre>
 */
public final class Disassembler {
    private static final String[] CONDS = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt",
        "gt", "le", "al", "nv"};
    private static final String[] SHIFTS = {"lsl", "lsr", "asr", "ror"};
    private static final String[] EXTENDS = {"uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"};

    private Disassembler() {
    }

    public static String format(Insn i) {
        if (i.encoding == null) {
            return String.format(".inst 0x%08x ; undefined", i.word);
        }
        String t = i.encoding.template();
        StringBuilder sb = new StringBuilder(32);
        int p = 0;
        while (p < t.length()) {
            char c = t.charAt(p);
            if (c != '{') {
                sb.append(c);
                p++;
                continue;
            }
            int end = t.indexOf('}', p);
            if (end < 0) {
                sb.append(t, p, t.length());
                break;
            }
            String ph = t.substring(p + 1, end);
            int colon = ph.indexOf(':');
            String name = colon < 0 ? ph : ph.substring(0, colon);
            String fmt = colon < 0 ? "" : ph.substring(colon + 1);
            placeholder(i, name, fmt, sb);
            p = end + 1;
        }
        return sb.toString();
    }

    private static void placeholder(Insn i, String name, String fmt, StringBuilder sb) {
        switch (name) {
            case "d":
                reg(i.rd, i, fmt, sb);
                break;
            case "n":
                reg(i.rn, i, fmt, sb);
                break;
            case "m":
                reg(i.rm, i, fmt, sb);
                break;
            case "a":
                reg(i.ra, i, fmt, sb);
                break;
            case "t2":
                reg(i.rt2, i, fmt, sb);
                break;
            case "imm":
                number(i.imm, fmt, sb);
                break;
            case "imm2":
                number(i.imm2, fmt, sb);
                break;
            case "target":
                sb.append("0x").append(Long.toHexString(i.imm));
                break;
            case "cond":
                sb.append(CONDS[i.cond & 15]);
                break;
            case "shift":
                if (i.amount != 0 || i.shift != 0) {
                    sb.append(", ").append(SHIFTS[i.shift & 3]).append(" #").append(i.amount);
                }
                break;
            case "ext":
                sb.append(", ").append(EXTENDS[i.shift & 7]);
                if (i.amount != 0) {
                    sb.append(" #").append(i.amount);
                }
                break;
            case "amount":
                sb.append(i.amount);
                break;
            case "size":
                sb.append(i.size);
                break;
            case "opt":
                sb.append(i.opt);
                break;
            default:
                if (!SimdDisassembly.placeholder(i, name, sb) && !IntDisassembly.placeholder(i, name, sb)) {
                    sb.append('{').append(name).append('}');
                }
        }
    }

    private static void reg(int r, Insn i, String fmt, StringBuilder sb) {
        switch (fmt) {
            case "":
                sb.append(Reg.name(r, i.is64));
                break;
            case "x":
                sb.append(Reg.name(r, true));
                break;
            case "w":
                sb.append(Reg.name(r, false));
                break;
            default:
                // SIMD&FP register: the format letter is the prefix (q, v, d, s, h, b).
                sb.append(fmt).append(r);
        }
    }

    private static void number(long v, String fmt, StringBuilder sb) {
        if (fmt.equals("d") || (fmt.isEmpty() && v > -10 && v < 10)) {
            sb.append(v);
        } else if (v < 0 && !fmt.equals("x")) {
            sb.append("-0x").append(Long.toHexString(-v));
        } else {
            sb.append("0x").append(Long.toHexString(v));
        }
    }
}
