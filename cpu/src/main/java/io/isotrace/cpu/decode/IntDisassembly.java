package io.isotrace.cpu.decode;

/**
 * Placeholders of the integer tables' disassembly templates that the generic {@link Disassembler} does not know:
 * {@code {prfop}}, the prefetch operation of PRFM/PRFUM (held in {@code opt}), named as objdump names it.
 */
final class IntDisassembly {
    private static final String[] TYPES = {"pld", "pli", "pst"};

    private IntDisassembly() {
    }

    static boolean placeholder(Insn i, String name, StringBuilder sb) {
        if (!name.equals("prfop")) {
            return false;
        }
        sb.append(prefetchName(i.opt));
        return true;
    }

    /** prfop: type (PLD, PLI, PST) : target (L1, L2, L3) : policy (KEEP, STRM); the rest print as numbers. */
    static String prefetchName(int op) {
        int type = op >>> 3;
        int target = (op >>> 1) & 3;
        if (type == 3 || target == 3) {
            return String.format("#0x%x", op);
        }
        return TYPES[type] + "l" + (target + 1) + ((op & 1) == 0 ? "keep" : "strm");
    }
}
