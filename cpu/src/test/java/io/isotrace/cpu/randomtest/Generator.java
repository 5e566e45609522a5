package io.isotrace.cpu.randomtest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates random A64 test cases. Encodings are written here from the Arm ARM's encoding diagrams, independently
 * of Isotrace's decode tables, and only ARMv8.0 (plus CRC32) encodings whose behaviour is fully defined are
 * generated for the {@link Suite#BASE} suite (run on qemu's cortex-a53); {@link Suite#LSE} holds the ARMv8.1+
 * atomics and ordered accesses (LSE, LRCPC, LRCPC2, LOR; run on qemu's "max" model, as no named model of qemu 7.2
 * has LRCPC2). Operand values are chosen so that memory accesses land in
 * the case's buffer, exclusive and atomic accesses are naturally aligned, and no encoding is CONSTRAINED
 * UNPREDICTABLE (e.g. no write-back into the transfer register).
 */
final class Generator {
    /** Which instructions a program holds, and so which qemu CPU model is the reference. */
    enum Suite {
        BASE("cortex-a53"), LSE("max");

        final String qemuCpu;

        Suite(String qemuCpu) {
            this.qemuCpu = qemuCpu;
        }
    }

    private final List<Consumer<CaseBuilder>> base = new ArrayList<>();
    private final List<Consumer<CaseBuilder>> lse = new ArrayList<>();

    Generator() {
        // Weights by repetition: data processing and loads/stores dominate.
        add(base, 3, "addSubImm", this::addSubImm);
        add(base, 2, "logicalImm", this::logicalImm);
        add(base, 2, "moveWide", this::moveWide);
        add(base, 3, "bitfield", this::bitfield);
        add(base, 1, "extr", this::extr);
        add(base, 1, "pcRel", this::pcRel);
        add(base, 3, "logicalShifted", this::logicalShifted);
        add(base, 3, "addSubShifted", this::addSubShifted);
        add(base, 3, "addSubExtended", this::addSubExtended);
        add(base, 2, "addSubCarry", this::addSubCarry);
        add(base, 2, "condCompare", this::condCompare);
        add(base, 2, "condSelect", this::condSelect);
        add(base, 2, "oneSource", this::oneSource);
        add(base, 3, "twoSource", this::twoSource);
        add(base, 2, "threeSource", this::threeSource);
        add(base, 2, "branch", this::branch);
        add(base, 6, "loadStoreImm", this::loadStoreImm);
        add(base, 3, "loadStoreRegOffset", this::loadStoreRegOffset);
        add(base, 1, "loadLiteral", this::loadLiteral);
        add(base, 4, "loadStorePair", this::loadStorePair);
        add(base, 2, "exclusive", this::exclusive);
        add(base, 1, "exclusivePair", this::exclusivePair);
        add(base, 1, "ordered", this::ordered);
        add(base, 2, "system", this::system);
        add(lse, 4, "atomicOp", this::atomicOp);
        add(lse, 2, "compareAndSwap", this::compareAndSwap);
        add(lse, 1, "compareAndSwapPair", this::compareAndSwapPair);
        add(lse, 1, "orderedV81", this::orderedV81);
        add(lse, 1, "orderedUnscaled", this::orderedUnscaled);
    }

    /**
     * Adds generator {@code g} with a weight, unless property {@code randomtest.generators} (a comma-separated list
     * of generator names, for narrowing down a failure) leaves it out.
     */
    private static void add(List<Consumer<CaseBuilder>> list, int weight, String name, Consumer<CaseBuilder> g) {
        String only = System.getProperty("randomtest.generators");
        if (only != null && !List.of(only.split(",")).contains(name)) {
            return;
        }
        for (int k = 0; k < weight; k++) {
            list.add(g);
        }
    }

    /** Generates one case of {@code suite} whose buffer is at {@code bufferAddress}. */
    TestCase next(SplittableRandom r, Suite suite, long bufferAddress) {
        CaseBuilder b = new CaseBuilder(r, bufferAddress);
        List<Consumer<CaseBuilder>> list = suite == Suite.BASE ? base : lse;
        if (list.isEmpty()) {
            list = base.isEmpty() ? lse : base;
        }
        list.get(r.nextInt(list.size())).accept(b);
        return b.build();
    }

    // ================================================================== data processing - immediate

    private void addSubImm(CaseBuilder b) {
        int sf = b.bits(1);
        int op = b.bits(1);
        int s = b.bits(1);
        int sh = b.chance(20) ? 1 : 0;
        int imm = b.bits(12);
        int rn = b.reg(10);
        int rd = b.reg(10);
        if (s == 1 && b.chance(30)) {
            long v = (long) imm << (12 * sh);
            b.set(rn, b.chance(50) ? v : (b.chance(50) ? v - 1 : ~v + 1));
        }
        b.kind("add/sub imm").word(sf << 31 | op << 30 | s << 29 | 0b100010 << 23 | sh << 22 | imm << 10 | rn << 5 | rd);
    }

    private void logicalImm(CaseBuilder b) {
        int sf = b.bits(1);
        int opc = b.bits(2);
        int logE = 1 + b.r.nextInt(sf == 1 ? 6 : 5);
        int e = 1 << logE;
        int s = b.r.nextInt(e - 1);
        int immr = b.r.nextInt(e);
        int n = e == 64 ? 1 : 0;
        int imms = e == 64 ? s : (~(2 * e - 1) & 0x3F) | s;
        b.kind("logical imm").word(sf << 31 | opc << 29 | 0b100100 << 23 | n << 22 | immr << 16 | imms << 10
                | b.reg(10) << 5 | b.reg(10));
    }

    private void moveWide(CaseBuilder b) {
        int sf = b.bits(1);
        int[] opcs = {0, 2, 3};
        int opc = opcs[b.r.nextInt(3)];
        int hw = sf == 1 ? b.bits(2) : b.bits(1);
        int imm = b.chance(10) ? (b.chance(50) ? 0 : 0xFFFF) : b.bits(16);
        b.kind("move wide").word(sf << 31 | opc << 29 | 0b100101 << 23 | hw << 21 | imm << 5 | b.reg(5));
    }

    private void bitfield(CaseBuilder b) {
        int sf = b.bits(1);
        int opc = b.r.nextInt(3);
        int size = sf == 1 ? 64 : 32;
        int immr = b.r.nextInt(size);
        int imms = b.chance(20) ? size - 1 : b.r.nextInt(size);
        b.kind("bitfield").word(sf << 31 | opc << 29 | 0b100110 << 23 | sf << 22 | immr << 16 | imms << 10
                | b.reg(5) << 5 | b.reg(5));
    }

    private void extr(CaseBuilder b) {
        int sf = b.bits(1);
        int imms = b.r.nextInt(sf == 1 ? 64 : 32);
        int rn = b.reg(5);
        int rm = b.chance(30) ? rn : b.reg(5);
        b.kind("extr").word(sf << 31 | 0b00100111 << 23 | sf << 22 | rm << 16 | imms << 10 | rn << 5 | b.reg(5));
    }

    private void pcRel(CaseBuilder b) {
        int op = b.bits(1);
        b.kind(op == 0 ? "adr" : "adrp").word(op << 31 | b.bits(2) << 29 | 0b10000 << 24 | b.bits(19) << 5
                | b.reg(5));
    }

    // ================================================================== data processing - register

    private int shiftAmount(CaseBuilder b, int sf) {
        int size = sf == 1 ? 64 : 32;
        int p = b.r.nextInt(10);
        return p == 0 ? 0 : p == 1 ? size - 1 : p == 2 ? 1 : b.r.nextInt(size);
    }

    private void logicalShifted(CaseBuilder b) {
        int sf = b.bits(1);
        int rn = b.reg(15);
        b.kind("logical shifted").word(sf << 31 | b.bits(2) << 29 | 0b01010 << 24 | b.bits(2) << 22 | b.bits(1) << 21
                | b.reg(5) << 16 | shiftAmount(b, sf) << 10 | rn << 5 | b.reg(10));
    }

    private void addSubShifted(CaseBuilder b) {
        int sf = b.bits(1);
        int s = b.bits(1);
        int rn = b.reg(10);
        int rm = b.reg(5);
        if (s == 1 && b.chance(25)) {
            b.set(rm, b.get(rn));
        }
        b.kind("add/sub shifted").word(sf << 31 | b.bits(1) << 30 | s << 29 | 0b01011 << 24 | b.r.nextInt(3) << 22
                | rm << 16 | shiftAmount(b, sf) << 10 | rn << 5 | b.reg(10));
    }

    private void addSubExtended(CaseBuilder b) {
        int sf = b.bits(1);
        b.kind("add/sub extended").word(sf << 31 | b.bits(1) << 30 | b.bits(1) << 29 | 0b01011001 << 21
                | b.reg(5) << 16 | b.bits(3) << 13 | b.r.nextInt(5) << 10 | b.reg(15) << 5 | b.reg(15));
    }

    private void addSubCarry(CaseBuilder b) {
        b.kind("adc/sbc").word(b.bits(1) << 31 | b.bits(1) << 30 | b.bits(1) << 29 | 0b11010000 << 21
                | b.reg(5) << 16 | b.reg(5) << 5 | b.reg(5));
    }

    private void condCompare(CaseBuilder b) {
        int imm = b.bits(1);
        int rn = b.reg(5);
        int rm = imm == 1 ? b.bits(5) : b.reg(5);
        if (b.chance(25)) {
            b.set(rn, imm == 1 ? rm : b.get(rm));
        }
        b.kind("ccmp/ccmn").word(b.bits(1) << 31 | b.bits(1) << 30 | 1 << 29 | 0b11010010 << 21 | rm << 16
                | b.bits(4) << 12 | imm << 11 | rn << 5 | b.bits(4));
    }

    private void condSelect(CaseBuilder b) {
        int rn = b.reg(10);
        int rm = b.chance(30) ? rn : b.reg(10);
        b.kind("csel").word(b.bits(1) << 31 | b.bits(1) << 30 | 0b11010100 << 21 | rm << 16 | b.bits(4) << 12
                | b.bits(1) << 10 | rn << 5 | b.reg(5));
    }

    private void oneSource(CaseBuilder b) {
        int sf = b.bits(1);
        int opcode = b.r.nextInt(6);
        if (opcode == 3 && sf == 0) {
            opcode = 2;
        }
        b.kind("data processing 1 source").word(sf << 31 | 1 << 30 | 0b11010110 << 21 | opcode << 10 | b.reg(5) << 5
                | b.reg(5));
    }

    private void twoSource(CaseBuilder b) {
        int[] opcodes = {0b000010, 0b000011, 0b001000, 0b001001, 0b001010, 0b001011, 0b0100_00, 0b0101_00};
        int opcode = opcodes[b.r.nextInt(opcodes.length)];
        int sf = b.bits(1);
        int rn = b.reg(5);
        int rm = b.reg(5);
        if (opcode >= 0b010000) { // CRC32{C}{B,H,W,X}: size in opcode<1:0>, X needs sf=1, the others sf=0
            int sz = b.bits(2);
            opcode |= sz;
            sf = sz == 3 ? 1 : 0;
        } else if (opcode <= 0b000011) {
            if (b.chance(15)) {
                b.set(rm, 0);
            } else if (b.chance(15)) {
                b.set(rn, sf == 1 ? Long.MIN_VALUE : 0x8000_0000L);
                b.set(rm, -1);
            }
        }
        b.kind("data processing 2 source").word(sf << 31 | 0b11010110 << 21 | rm << 16 | opcode << 10 | rn << 5
                | b.reg(5));
    }

    private void threeSource(CaseBuilder b) {
        // op54 = 00; op31:o0 = 000:x MADD/MSUB (any sf), the rest 64-bit only.
        int[][] forms = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {5, 0}, {5, 1}, {6, 0}};
        int[] form = forms[b.r.nextInt(forms.length)];
        int sf = form[0] == 0 ? b.bits(1) : 1;
        int ra = form[0] == 2 || form[0] == 6 ? 31 : b.reg(15);
        b.kind("data processing 3 source").word(sf << 31 | 0b11011 << 24 | form[0] << 21 | b.reg(5) << 16
                | form[1] << 15 | ra << 10 | b.reg(5) << 5 | b.reg(5));
    }

    // ================================================================== branches

    /** A branch over one MOVZ: the MOVZ's destination shows whether the branch was taken. */
    private void branch(CaseBuilder b) {
        int marker = b.reg(0);
        int skipped = 0xD280_0000 | 0x55 << 5 | marker; // movz xM, #0x55
        int form = b.r.nextInt(8);
        switch (form) {
            case 0: // B.cond +8
                b.kind("b.cond").word(0x5400_0000 | 2 << 5 | b.bits(4));
                break;
            case 1:
            case 2: { // CBZ/CBNZ +8
                int rt = b.reg(5);
                if (b.chance(40)) {
                    b.set(rt, b.chance(50) ? 0 : 0xFFFF_FFFF_0000_0000L);
                }
                b.kind("cbz/cbnz").word(b.bits(1) << 31 | 0b011010 << 25 | (form - 1) << 24 | 2 << 5 | rt);
                break;
            }
            case 3:
            case 4: { // TBZ/TBNZ +8
                int bit = b.bits(6);
                b.kind("tbz/tbnz").word((bit >> 5) << 31 | 0b011011 << 25 | (form - 3) << 24 | (bit & 31) << 19
                        | 2 << 5 | b.reg(5));
                break;
            }
            case 5: // B +8 / BL +8
                b.kind("b/bl").word(b.bits(1) << 31 | 0b00101 << 26 | 2);
                break;
            default: { // ADR xT, +12; BR/BLR/RET xT
                int rt = b.regExcept(marker, 30);
                int[] ops = {0b0000, 0b0001, 0b0010};
                b.kind("br/blr/ret").word(0x1000_0000 | 3 << 5 | rt); // adr xT, .+12
                b.word(0xD600_0000 | ops[b.r.nextInt(3)] << 21 | 0b11111 << 16 | rt << 5);
                break;
            }
        }
        b.word(skipped);
    }

    // ================================================================== loads and stores

    /** (size, opc) pairs of the load/store register forms: STR*, LDR* zero-extending, LDRS* to 64 and to 32. */
    private static final int[][] SIZE_OPC = {
        {0, 0}, {0, 1}, {0, 2}, {0, 3}, {1, 0}, {1, 1}, {1, 2}, {1, 3}, {2, 0}, {2, 1}, {2, 2}, {3, 0}, {3, 1},
    };

    /** An offset in the buffer for an access of {@code size} bytes, aligned to {@code align}. */
    private static int bufferOffset(CaseBuilder b, int size, int align) {
        return b.r.nextInt((Layout.BUFFER - size) / align + 1) * align;
    }

    private void loadStoreImm(CaseBuilder b) {
        int[] so = SIZE_OPC[b.r.nextInt(SIZE_OPC.length)];
        int size = so[0];
        int opc = so[1];
        int bytes = 1 << size;
        int mode = b.r.nextInt(5); // 0 unsigned offset, 1 unscaled, 2 post, 3 unprivileged, 4 pre
        if (size == 3 && opc == 2 && mode != 0 && mode != 1) {
            mode = 1; // PRFM exists only with unsigned and unscaled offsets
        }
        boolean writeBack = mode == 2 || mode == 4;
        int rt = b.reg(10);
        int rn = b.chance(15) ? 31 : b.regExcept(writeBack ? rt : -1);
        long base = rn == 31 ? b.sp : 0;
        int word;
        if (mode == 0) {
            int imm12;
            if (rn == 31) {
                imm12 = b.r.nextInt((Layout.BUFFER - 128) / bytes);
            } else {
                imm12 = b.chance(50) ? b.r.nextInt(64) : b.bits(12);
                base = b.buf + bufferOffset(b, bytes, 1) - (long) imm12 * bytes;
            }
            word = size << 30 | 0b111 << 27 | 0b01 << 24 | opc << 22 | imm12 << 10 | rn << 5 | rt;
        } else {
            int imm9;
            if (rn == 31) { // SP is the buffer's middle: keep SP + imm9 inside the buffer unless post-indexed
                imm9 = mode == 2 ? b.r.nextInt(512) - 256 : b.r.nextInt(128 - bytes + 129) - 128;
            } else {
                imm9 = b.r.nextInt(512) - 256;
                long addr = b.buf + bufferOffset(b, bytes, 1);
                base = mode == 2 ? addr : addr - imm9;
            }
            int[] op2 = {0, 0b00, 0b01, 0b10, 0b11};
            word = size << 30 | 0b111 << 27 | opc << 22 | (imm9 & 0x1FF) << 12 | op2[mode] << 10 | rn << 5 | rt;
        }
        b.set(rn, base);
        b.kind("load/store immediate").word(word);
    }

    private void loadStoreRegOffset(CaseBuilder b) {
        int[] so = SIZE_OPC[b.r.nextInt(SIZE_OPC.length)];
        int size = so[0];
        int opc = so[1];
        int bytes = 1 << size;
        int[] options = {0b010, 0b011, 0b110, 0b111}; // UXTW, LSL, SXTW, SXTX
        int option = options[b.r.nextInt(4)];
        int s = b.bits(1);
        int shift = s == 1 ? size : 0;
        int rn = b.chance(10) ? 31 : b.reg(0);
        int rm = b.regExcept(rn);
        long index;
        if (rn == 31) { // SP is the buffer's middle: an index that keeps the access in the buffer
            int lo = option == 0b010 ? 0 : -(128 >> shift);
            int hi = (128 - bytes) >> shift;
            index = lo + b.r.nextInt(hi - lo + 1);
        } else {
            index = b.r.nextInt(64) - (option == 0b010 ? 0 : 32);
        }
        long rmValue = index;
        if (option == 0b010 || option == 0b110) {
            rmValue = (b.r.nextLong() & 0xFFFF_FFFF_0000_0000L) | (index & 0xFFFF_FFFFL); // upper half ignored
        }
        b.set(rm, rmValue);
        if (rn != 31) {
            b.set(rn, b.buf + bufferOffset(b, bytes, 1) - (extend(rmValue, option) << shift));
        }
        b.kind("load/store register offset").word(size << 30 | 0b111 << 27 | opc << 22 | 1 << 21 | rm << 16
                | option << 13 | s << 12 | 0b10 << 10 | rn << 5 | b.reg(10));
    }

    private static long extend(long v, int option) {
        switch (option) {
            case 0b010: return v & 0xFFFF_FFFFL;
            case 0b110: return (int) v;
            default: return v;
        }
    }

    private void loadLiteral(CaseBuilder b) {
        int opc = b.r.nextInt(4); // LDR w, LDR x, LDRSW, PRFM
        int imm19 = b.r.nextInt(64) - 48;
        b.kind("load literal").word(opc << 30 | 0b011 << 27 | (imm19 & 0x7FFFF) << 5 | b.reg(5));
    }

    private void loadStorePair(CaseBuilder b) {
        int opc = b.r.nextInt(3); // 00 32-bit, 01 LDPSW (load only), 10 64-bit
        int load = opc == 1 ? 1 : b.bits(1);
        int mode = b.r.nextInt(4); // 00 non-temporal offset, 01 post, 10 offset, 11 pre
        if (opc == 1 && mode == 0) {
            mode = 2; // no LDNPSW
        }
        int scale = opc == 2 ? 3 : 2;
        int bytes = 1 << scale;
        boolean writeBack = mode == 1 || mode == 3;
        int rt = b.reg(10);
        int rt2 = load == 1 ? b.regExcept(rt) : b.reg(10);
        int rn = b.chance(15) ? 31 : b.regExcept(writeBack ? rt : -1, writeBack ? rt2 : -1);
        int imm7;
        long base;
        if (rn == 31) {
            int lo = -128 / bytes;
            int hi = (128 - 2 * bytes) / bytes;
            imm7 = mode == 1 ? b.r.nextInt(128) - 64 : lo + b.r.nextInt(hi - lo + 1);
            base = b.sp;
        } else {
            imm7 = b.r.nextInt(128) - 64;
            long addr = b.buf + bufferOffset(b, 2 * bytes, 1);
            base = mode == 1 ? addr : addr - (long) imm7 * bytes;
        }
        b.set(rn, base);
        b.kind("load/store pair").word(opc << 30 | 0b101 << 27 | mode << 23 | load << 22 | (imm7 & 0x7F) << 15
                | rt2 << 10 | rn << 5 | rt);
    }

    // ================================================================== exclusives and ordered

    private static int exclusiveWord(int size, int o2, int l, int o1, int rs, int o0, int rt2, int rn, int rt) {
        return size << 30 | 0b001000 << 24 | o2 << 23 | l << 22 | o1 << 21 | rs << 16 | o0 << 15 | rt2 << 10
                | rn << 5 | rt;
    }

    /**
     * LDXR then STXR to the same address (succeeds), or with something that makes it fail in between (CLREX, a
     * different address), or a lone STXR (fails: the monitor is clear after the previous case's system call).
     */
    private void exclusive(CaseBuilder b) {
        int size = b.bits(2);
        int bytes = 1 << size;
        int rn = b.chance(10) ? 31 : b.reg(0);
        int rt = b.regExcept(rn);
        int rs = b.regExcept(rn, rt);
        int rt2 = b.regExcept(rn, rs);
        long addr = rn == 31 ? b.sp : b.buf + bufferOffset(b, bytes, bytes);
        b.set(rn, addr);
        int variant = b.r.nextInt(6);
        b.kind("exclusive");
        if (variant != 5) {
            b.word(exclusiveWord(size, 0, 1, 0, 31, b.bits(1), 31, rn, rt)); // LDXR / LDAXR
        }
        if (variant == 3) {
            b.word(0xD503_305F | b.bits(4) << 8); // CLREX
        }
        int storeBase = rn;
        if (variant == 4 && rn != 31) {
            storeBase = b.regExcept(rn, rt, rs, rt2);
            b.set(storeBase, addr + bytes * (b.chance(50) ? 1 : -1));
            if (b.get(storeBase) < b.buf) {
                b.set(storeBase, addr + bytes);
            }
        }
        b.word(exclusiveWord(size, 0, 0, 0, rs, b.bits(1), 31, storeBase, rt2)); // STXR / STLXR
    }

    private void exclusivePair(CaseBuilder b) {
        int sz = b.bits(1); // 0: 32-bit registers, 1: 64-bit
        int bytes = 8 << sz;
        int rn = b.reg(0);
        int rt = b.regExcept(rn);
        int rt2 = b.regExcept(rn, rt);
        int rs = b.regExcept(rn, rt, rt2);
        int st = b.regExcept(rn, rs);
        int st2 = b.regExcept(rn, rs);
        b.set(rn, b.buf + bufferOffset(b, bytes, bytes));
        b.kind("exclusive pair");
        boolean loadFirst = b.chance(85);
        if (loadFirst) {
            b.word(exclusiveWord(2 | sz, 0, 1, 1, 31, b.bits(1), rt2, rn, rt)); // LDXP / LDAXP
        }
        b.word(exclusiveWord(2 | sz, 0, 0, 1, rs, b.bits(1), st2, rn, st)); // STXP / STLXP
    }

    /** LDAR/STLR (all sizes), naturally aligned. */
    private void ordered(CaseBuilder b) {
        int size = b.bits(2);
        int l = b.bits(1);
        int rn = b.chance(10) ? 31 : b.reg(0);
        b.set(rn, rn == 31 ? b.sp : b.buf + bufferOffset(b, 1 << size, 1 << size));
        b.kind("load-acquire/store-release").word(exclusiveWord(size, 1, l, 0, 31, 1, 31, rn, b.reg(10)));
    }

    // ================================================================== system

    private void system(CaseBuilder b) {
        int rt = b.reg(5);
        switch (b.r.nextInt(8)) {
            case 0: // MSR NZCV, xT
                b.kind("msr nzcv").word(0xD51B_4200 | rt);
                break;
            case 1: { // MRS of NZCV, FPCR, FPSR, CTR_EL0, DCZID_EL0, TPIDR_EL0
                int[] regs = {0xD53B_4200, 0xD53B_4400, 0xD53B_4420, 0xD53B_0020, 0xD53B_00E0, 0xD53B_D040};
                b.kind("mrs").word(regs[b.r.nextInt(regs.length)] | rt);
                break;
            }
            case 2: { // DC ZVA
                int rn = b.reg(0);
                b.set(rn, b.buf + b.r.nextInt(Layout.BUFFER));
                b.kind("dc zva").word(0xD50B_7420 | rn);
                break;
            }
            case 3: { // DC CVAU, DC CVAC, DC CIVAC, IC IVAU
                int[] ops = {0xD50B_7B20, 0xD50B_7A20, 0xD50B_7E20, 0xD50B_7520};
                int rn = b.reg(0);
                b.set(rn, b.buf + b.r.nextInt(Layout.BUFFER));
                b.kind("cache maintenance").word(ops[b.r.nextInt(ops.length)] | rn);
                break;
            }
            case 4: // barriers: DSB, DMB (any option), ISB
                b.kind("barrier").word(0xD503_309F | b.bits(4) << 8 | b.r.nextInt(3) << 5);
                break;
            case 5: // hints in the ARMv8.0 NOP space: NOP, YIELD, WFE, SEV, SEVL and unallocated hints
                b.kind("hint").word(0xD503_201F | (b.chance(50) ? b.bits(3) : b.bits(7)) << 5);
                break;
            case 6: { // PRFM (immediate and register): no architectural effect
                int rn = b.reg(0);
                b.set(rn, b.buf);
                b.kind("prfm").word(0xF980_0000 | b.bits(12) << 10 | rn << 5 | b.bits(5));
                break;
            }
            default: // MSR NZCV then a conditional select that reads it
                b.kind("msr nzcv; cset").word(0xD51B_4200 | rt);
                b.word(0x1A9F_07E0 | b.bits(4) << 12 | b.reg(5) | (b.bits(1) << 31));
        }
    }

    // ================================================================== ARMv8.1 atomics (LSE) and ordered

    private void atomicOp(CaseBuilder b) {
        int size = b.bits(2);
        int bytes = 1 << size;
        int swp = b.chance(15) ? 1 : 0;
        int opc = swp == 1 ? 0 : b.bits(3);
        int rn = b.chance(10) ? 31 : b.reg(0);
        int rs = b.reg(5);
        int rt = b.chance(15) ? 31 : b.regExcept(rn);
        b.set(rn, rn == 31 ? b.sp : b.buf + bufferOffset(b, bytes, bytes));
        b.kind(swp == 1 ? "swp" : "ld<op>").word(size << 30 | 0b111 << 27 | b.bits(1) << 23 | b.bits(1) << 22
                | 1 << 21 | rs << 16 | swp << 15 | opc << 12 | rn << 5 | rt);
    }

    private void compareAndSwap(CaseBuilder b) {
        int size = b.bits(2);
        int bytes = 1 << size;
        int rn = b.chance(10) ? 31 : b.reg(0);
        int rs = b.regExcept(rn);
        int rt = b.reg(5);
        int off = rn == 31 ? 128 : bufferOffset(b, bytes, bytes);
        b.set(rn, b.buf + off);
        if (b.chance(50)) {
            long v = b.bufferValue(off, bytes);
            b.set(rs, (b.get(rs) & ~(bytes == 8 ? -1L : (1L << (8 * bytes)) - 1)) | v);
        }
        b.kind("cas").word(size << 30 | 0b001000 << 24 | 1 << 23 | b.bits(1) << 22 | 1 << 21 | rs << 16
                | b.bits(1) << 15 | 0b11111 << 10 | rn << 5 | rt);
    }

    private void compareAndSwapPair(CaseBuilder b) {
        int sz = b.bits(1);
        int bytes = 4 << sz;
        int rn = b.reg(0);
        int rs;
        int rt;
        do {
            rs = 2 * b.r.nextInt(15);
            rt = 2 * b.r.nextInt(15);
        } while (rs == rn || rs + 1 == rn);
        int off = bufferOffset(b, 2 * bytes, 2 * bytes);
        b.set(rn, b.buf + off);
        if (b.chance(50)) {
            b.set(rs, b.bufferValue(off, bytes));
            b.set(rs + 1, b.bufferValue(off + bytes, bytes));
        }
        b.kind("casp").word(sz << 30 | 0b001000 << 24 | b.bits(1) << 22 | 1 << 21 | rs << 16 | b.bits(1) << 15
                | 0b11111 << 10 | rn << 5 | rt);
    }

    /** STLUR/LDAPUR/LDAPURS* (FEAT_LRCPC2): ordered accesses with an unscaled offset, naturally aligned. */
    private void orderedUnscaled(CaseBuilder b) {
        int[] so = SIZE_OPC[b.r.nextInt(SIZE_OPC.length)];
        int bytes = 1 << so[0];
        int rn = b.reg(0);
        int imm9 = b.r.nextInt(512) - 256;
        b.set(rn, b.buf + bufferOffset(b, bytes, bytes) - imm9);
        b.kind("stlur/ldapur").word(so[0] << 30 | 0b011001 << 24 | so[1] << 22 | (imm9 & 0x1FF) << 12 | rn << 5
                | b.reg(10));
    }

    /** LDAPR (FEAT_LRCPC), LDLAR/STLLR (FEAT_LOR): ordered accesses outside ARMv8.0. */
    private void orderedV81(CaseBuilder b) {
        int size = b.bits(2);
        int rn = b.reg(0);
        b.set(rn, b.buf + bufferOffset(b, 1 << size, 1 << size));
        if (b.chance(50)) {
            b.kind("ldapr").word(size << 30 | 0x38BF_C000 | rn << 5 | b.reg(10));
        } else {
            b.kind("ldlar/stllr").word(exclusiveWord(size, 1, b.bits(1), 0, 31, 0, 31, rn, b.reg(10)));
        }
    }
}
