package io.isotrace.cpu.randomtest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the smallest static AArch64 Linux executable that both qemu-aarch64 and Isotrace load: an ELF64 header,
 * two program headers and two PT_LOAD segments (code R+X, data R+W), and the null and section-name-table section
 * headers that ELF readers (jelf) insist on. Making the file here keeps the
 * Isotrace side of the random tester free of any cross toolchain.
 */
final class MiniElf {
    static final long CODE_BASE = 0x40_0000L;
    static final long DATA_BASE = 0x100_0000L;
    private static final int PAGE = 4096;
    private static final int HEADERS = 64 + 2 * 56;

    private MiniElf() {
    }

    /**
     * @param code  instruction words, loaded at {@link #CODE_BASE} + 4096 (the first page holds the headers)
     * @param data  initial data, loaded at {@link #DATA_BASE}
     * @param entry the entry point (an address in the code)
     */
    static byte[] build(int[] code, byte[] data, long entry) {
        int codeOff = PAGE;
        int codeLen = code.length * 4;
        int dataOff = align(codeOff + codeLen);
        byte[] names = "\0.shstrtab\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int namesOff = dataOff + data.length;
        int shOff = (namesOff + names.length + 7) & -8;
        ByteBuffer b = ByteBuffer.allocate(shOff + 2 * 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2);       // e_type ET_EXEC
        b.putShort((short) 183);     // e_machine EM_AARCH64
        b.putInt(1);                 // e_version
        b.putLong(entry);
        b.putLong(64);               // e_phoff
        b.putLong(shOff);            // e_shoff
        b.putInt(0);                 // e_flags
        b.putShort((short) 64);      // e_ehsize
        b.putShort((short) 56);      // e_phentsize
        b.putShort((short) 2);       // e_phnum
        b.putShort((short) 64);      // e_shentsize
        b.putShort((short) 2);       // e_shnum
        b.putShort((short) 1);       // e_shstrndx
        // Code: from file offset 0 so that the headers are mapped too, as linkers do.
        programHeader(b, 5, 0, CODE_BASE, codeOff + codeLen);
        programHeader(b, 6, dataOff, DATA_BASE, data.length);
        if (b.position() != HEADERS) {
            throw new IllegalStateException("header size");
        }
        b.position(codeOff);
        for (int w : code) {
            b.putInt(w);
        }
        b.position(dataOff);
        b.put(data);
        b.put(names);
        b.position(shOff + 64);      // section 0 is all zeros
        b.putInt(1);                 // sh_name ".shstrtab"
        b.putInt(3);                 // SHT_STRTAB
        b.putLong(0);                // sh_flags
        b.putLong(0);                // sh_addr
        b.putLong(namesOff);
        b.putLong(names.length);
        b.putInt(0);
        b.putInt(0);
        b.putLong(1);                // sh_addralign
        b.putLong(0);                // sh_entsize
        return b.array();
    }

    private static void programHeader(ByteBuffer b, int flags, long offset, long vaddr, long size) {
        b.putInt(1);        // PT_LOAD
        b.putInt(flags);    // PF_R 4 | PF_W 2 | PF_X 1
        b.putLong(offset);
        b.putLong(vaddr);
        b.putLong(vaddr);
        b.putLong(size);
        b.putLong(size);
        b.putLong(PAGE);
    }

    static long codeAddress(int wordIndex) {
        return CODE_BASE + PAGE + 4L * wordIndex;
    }

    private static int align(int v) {
        return (v + PAGE - 1) & -PAGE;
    }
}
