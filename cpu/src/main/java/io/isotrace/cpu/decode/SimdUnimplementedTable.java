package io.isotrace.cpu.decode;

/**
 * The rest of the SIMD&amp;FP encoding space: instructions Isotrace recognises but does not implement. They are
 * extensions beyond the ARMv8.0 base that the reference core (Cortex-A53) and Isotrace's HWCAP do not advertise —
 * the optional cryptography (AES, SHA1, SHA256) and the later FEAT_* additions. Executing one stops the run naming
 * it instead of raising SIGILL, so a program built for a newer architecture fails with a clear message. The rows
 * follow the encodings precisely enough that no unallocated word maps to them (checked against binutils with
 * DecodeCoverageProbe); rows more specific than an implemented neighbour would shadow it, and none is.
 */
final class SimdUnimplementedTable {
    private SimdUnimplementedTable() {
    }

    static void register(EncodingTable t) {
        crypto(t);
        halfPrecision(t);
        laterExtensions(t);
    }

    private static void crypto(EncodingTable t) {
        t.unimplemented("AESE/AESD/AESMC/AESIMC (FEAT_AES)", "01001110 00 10100 001-- 10 ----- -----");
        t.unimplemented("SHA1C/SHA1P/SHA1M/SHA1SU0 (FEAT_SHA1)", "01011110 00 0 ----- 0 0-- 00 ----- -----");
        t.unimplemented("SHA256H/SHA256H2 (FEAT_SHA256)", "01011110 00 0 ----- 0 10- 00 ----- -----");
        t.unimplemented("SHA256SU1 (FEAT_SHA256)", "01011110 00 0 ----- 0 110 00 ----- -----");
        t.unimplemented("SHA1H/SHA1SU1 (FEAT_SHA1)", "01011110 00 10100 0000- 10 ----- -----");
        t.unimplemented("SHA256SU0 (FEAT_SHA256)", "01011110 00 10100 00010 10 ----- -----");
        t.unimplemented("EOR3/BCAX (FEAT_SHA3)", "11001110 00 - ----- 0 ----- ----- -----");
        t.unimplemented("SM3SS1 (FEAT_SM3)", "11001110 010 ----- 0 ----- ----- -----");
        t.unimplemented("SHA512H/SHA512H2/SHA512SU1/RAX1 (FEAT_SHA512, FEAT_SHA3)", "11001110 011 ----- 1 0 00 -- ----- -----");
        t.unimplemented("SM3PARTW1/SM3PARTW2 (FEAT_SM3)", "11001110 011 ----- 1 1 00 0- ----- -----");
        t.unimplemented("SM4EKEY (FEAT_SM4)", "11001110 011 ----- 1 1 00 10 ----- -----");
        t.unimplemented("SM3TT1A/SM3TT1B/SM3TT2A/SM3TT2B (FEAT_SM3)", "11001110 010 ----- 10 -- -- ----- -----");
        t.unimplemented("XAR (FEAT_SHA3)", "11001110 100 ----- ------ ----- -----");
        t.unimplemented("SHA512SU0/SM4E (FEAT_SHA512, FEAT_SM4)", "11001110 110 00000 10000- ----- -----");
    }

    /** FEAT_FP16: half-precision arithmetic (ARMv8.0 has only the conversions, which are implemented). */
    private static void halfPrecision(EncodingTable t) {
        String f = " (FEAT_FP16)";
        t.unimplemented("FMOV/FABS/FNEG/FSQRT half" + f, "000 11110 11 1 0000 -- 10000 ----- -----");
        t.unimplemented("FRINT* half" + f, "000 11110 11 1 001 0-- 10000 ----- -----");
        t.unimplemented("FRINT* half" + f, "000 11110 11 1 001 11- 10000 ----- -----");
        t.unimplemented("FRINTA half" + f, "000 11110 11 1 001 100 10000 ----- -----");
        t.unimplemented("FMUL/FDIV/FADD/FSUB/FMAX/FMIN/FMAXNM/FMINNM half" + f, "000 11110 11 1 ----- 0--- 10 ----- -----");
        t.unimplemented("FNMUL half" + f, "000 11110 11 1 ----- 1000 10 ----- -----");
        t.unimplemented("FMADD/FMSUB/FNMADD/FNMSUB half" + f, "000 11111 11 - ----- - ----- ----- -----");
        t.unimplemented("FCMP/FCMPE half" + f, "000 11110 11 1 ----- 00 1000 ----- --000");
        t.unimplemented("FCCMP/FCCMPE half" + f, "000 11110 11 1 ----- ---- 01 ----- -----");
        t.unimplemented("FCSEL half" + f, "000 11110 11 1 ----- ---- 11 ----- -----");
        t.unimplemented("FMOV half immediate" + f, "000 11110 11 1 -------- 100 00000 -----");
        t.unimplemented("FCVT*/SCVTF/UCVTF/FMOV half and integer" + f, "-00 11110 11 1 00 --- 000000 ----- -----");
        t.unimplemented("FCVTP*/FCVTM*/FCVTZ* half to integer" + f, "-00 11110 11 1 -- 00- 000000 ----- -----");
        // The 32-bit forms need scale >= 32 (bit 15 set).
        t.unimplemented("SCVTF/UCVTF half fixed point" + f, "100 11110 11 0 00 01- ------ ----- -----");
        t.unimplemented("SCVTF/UCVTF half fixed point" + f, "000 11110 11 0 00 01- 1----- ----- -----");
        t.unimplemented("FCVTZS/FCVTZU half fixed point" + f, "100 11110 11 0 11 00- ------ ----- -----");
        t.unimplemented("FCVTZS/FCVTZU half fixed point" + f, "000 11110 11 0 11 00- 1----- ----- -----");
        // Three same and two-register misc (FP16): the allocated U:a:opcode combinations only.
        for (String uaop : new String[] {"00000", "00001", "00010", "00011", "00100", "00110", "00111", "01000",
            "01001", "01010", "01110", "01111", "10000", "10010", "10011", "10100", "10101", "10110", "10111",
            "11000", "11010", "11100", "11101", "11110"}) {
            t.unimplemented("Advanced SIMD three same half" + f, "0 - " + uaop.charAt(0) + " 01110 " + uaop.charAt(1)
                    + " 10 ----- 00 " + uaop.substring(2) + " 1 ----- -----");
        }
        for (String uaop : new String[] {"00011", "00100", "00111", "01111", "10100", "10101", "11010", "11100",
            "11101"}) {
            t.unimplemented("Advanced SIMD scalar three same half" + f, "01 " + uaop.charAt(0) + " 11110 "
                    + uaop.charAt(1) + " 10 ----- 00 " + uaop.substring(2) + " 1 ----- -----");
        }
        for (String uaop : new String[] {"0011000", "0011001", "0011010", "0011011", "0011100", "0011101",
            "0101100", "0101101", "0101110", "0101111", "0111000", "0111001", "0111010", "0111011", "0111101",
            "1011000", "1011001", "1011010", "1011011", "1011100", "1011101", "1101100", "1101101", "1101111",
            "1111001", "1111010", "1111011", "1111101", "1111111"}) {
            t.unimplemented("Advanced SIMD two-register misc half" + f, "0 - " + uaop.charAt(0) + " 01110 "
                    + uaop.charAt(1) + " 1111 00 " + uaop.substring(2) + " 10 ----- -----");
        }
        for (String uaop : new String[] {"0011010", "0011011", "0011100", "0011101", "0101100", "0101101",
            "0101110", "0111010", "0111011", "0111101", "0111111", "1011010", "1011011", "1011100", "1011101",
            "1101100", "1101101", "1111010", "1111011", "1111101"}) {
            t.unimplemented("Advanced SIMD scalar two-register misc half" + f, "01 " + uaop.charAt(0) + " 11110 "
                    + uaop.charAt(1) + " 1111 00 " + uaop.substring(2) + " 10 ----- -----");
        }
        t.unimplemented("FMLA/FMLS/FMUL/FMULX by element half" + f, "0 - 0 01111 00 - - ---- 0-01 - 0 ----- -----");
        t.unimplemented("FMUL/FMULX by element half" + f, "0 - - 01111 00 - - ---- 1001 - 0 ----- -----");
        t.unimplemented("FMLA/FMLS/FMUL/FMULX scalar by element half" + f, "01 0 11111 00 - - ---- 0-01 - 0 ----- -----");
        t.unimplemented("FMUL/FMULX scalar by element half" + f, "01 - 11111 00 - - ---- 1001 - 0 ----- -----");
        t.unimplemented("FMAXNMV/FMINNMV half" + f, "0 - 0 01110 - 0 11000 01100 10 ----- -----");
        t.unimplemented("FMAXV/FMINV half" + f, "0 - 0 01110 - 0 11000 01111 10 ----- -----");
        t.unimplemented("FMAXNMP/FMINNMP scalar half" + f, "01 0 11110 - 0 11000 01100 10 ----- -----");
        t.unimplemented("FADDP scalar half" + f, "01 0 11110 0 0 11000 01101 10 ----- -----");
        t.unimplemented("FMAXP/FMINP scalar half" + f, "01 0 11110 - 0 11000 01111 10 ----- -----");
        for (String opcode : new String[] {"11100", "11111"}) {
            t.unimplemented("SCVTF/UCVTF/FCVTZS/FCVTZU vector fixed point half" + f, "0 - - 011110 001- --- " + opcode
                    + " 1 ----- -----");
            t.unimplemented("SCVTF/UCVTF/FCVTZS/FCVTZU scalar fixed point half" + f, "01 - 111110 001- --- " + opcode
                    + " 1 ----- -----");
        }
    }

    private static void laterExtensions(EncodingTable t) {
        for (String qSize : new String[] {"- 1 01110 01", "- 1 01110 10", "1 1 01110 11"}) {
            t.unimplemented("FCMLA (FEAT_FCMA)", "0 " + qSize + " 0 ----- 110 -- 1 ----- -----");
            t.unimplemented("FCADD (FEAT_FCMA)", "0 " + qSize + " 0 ----- 111 - 0 1 ----- -----");
        }
        t.unimplemented("FCMLA by element (FEAT_FCMA)", "0 0 1 01111 01 - - ---- 0 -- 1 0 0 ----- -----");
        t.unimplemented("FCMLA by element (FEAT_FCMA)", "0 1 1 01111 01 - - ---- 0 -- 1 - 0 ----- -----");
        t.unimplemented("FCMLA by element (FEAT_FCMA)", "0 1 1 01111 10 0 - ---- 0 -- 1 - 0 ----- -----");
        t.unimplemented("SMMLA/USMMLA (FEAT_I8MM)", "0 1 0 01110 10 0 ----- 1010 - 1 ----- -----");
        t.unimplemented("UMMLA (FEAT_I8MM)", "0 1 1 01110 10 0 ----- 10100 1 ----- -----");
        t.unimplemented("USDOT (FEAT_I8MM)", "0 - 0 01110 10 0 ----- 1001 1 1 ----- -----");
        t.unimplemented("SUDOT/USDOT by element (FEAT_I8MM)", "0 - 0 01111 -0 - - ---- 1111 - 0 ----- -----");
        t.unimplemented("BFDOT/BFMLAL (FEAT_BF16)", "0 - 1 01110 -1 0 ----- 1111 1 1 ----- -----");
        t.unimplemented("BFMMLA (FEAT_BF16)", "0 1 1 01110 01 0 ----- 1110 1 1 ----- -----");
        t.unimplemented("BFCVTN (FEAT_BF16)", "0 - 0 01110 10 10000 10110 10 ----- -----");
        t.unimplemented("BFCVT (FEAT_BF16)", "000 11110 01 1 000110 10000 ----- -----");
        t.unimplemented("BFDOT by element (FEAT_BF16)", "0 - 0 01111 01 - - ---- 1111 - 0 ----- -----");
        t.unimplemented("BFMLAL by element (FEAT_BF16)", "0 - 0 01111 11 - - ---- 1111 - 0 ----- -----");
        t.unimplemented("FMLAL/FMLSL (FEAT_FHM)", "0 - 0 01110 - 0 1 ----- 11101 1 ----- -----");
        t.unimplemented("FMLAL2/FMLSL2 (FEAT_FHM)", "0 - 1 01110 - 0 1 ----- 11001 1 ----- -----");
        t.unimplemented("FMLAL/FMLSL by element (FEAT_FHM)", "0 - 0 01111 10 - - ---- 0-00 - 0 ----- -----");
        t.unimplemented("FMLAL2/FMLSL2 by element (FEAT_FHM)", "0 - 1 01111 10 - - ---- 1-00 - 0 ----- -----");
        t.unimplemented("SQRDMLAH/SQRDMLSH (FEAT_RDM)", "0 - 1 01110 01 0 ----- 1000- 1 ----- -----");
        t.unimplemented("SQRDMLAH/SQRDMLSH (FEAT_RDM)", "0 - 1 01110 10 0 ----- 1000- 1 ----- -----");
        t.unimplemented("SQRDMLAH/SQRDMLSH scalar (FEAT_RDM)", "01 1 11110 01 0 ----- 1000- 1 ----- -----");
        t.unimplemented("SQRDMLAH/SQRDMLSH scalar (FEAT_RDM)", "01 1 11110 10 0 ----- 1000- 1 ----- -----");
        t.unimplemented("SQRDMLAH/SQRDMLSH by element (FEAT_RDM)", "0 - 1 01111 01 - - ---- 11-1 - 0 ----- -----");
        t.unimplemented("SQRDMLAH/SQRDMLSH by element (FEAT_RDM)", "0 - 1 01111 10 - - ---- 11-1 - 0 ----- -----");
        t.unimplemented("SQRDMLAH/SQRDMLSH scalar by element (FEAT_RDM)", "01 1 11111 01 - - ---- 11-1 - 0 ----- -----");
        t.unimplemented("SQRDMLAH/SQRDMLSH scalar by element (FEAT_RDM)", "01 1 11111 10 - - ---- 11-1 - 0 ----- -----");
        t.unimplemented("SDOT/UDOT (FEAT_DotProd)", "0 - - 01110 10 0 ----- 1001 0 1 ----- -----");
        t.unimplemented("SDOT/UDOT by element (FEAT_DotProd)", "0 - - 01111 10 - - ---- 1110 - 0 ----- -----");
    }
}
