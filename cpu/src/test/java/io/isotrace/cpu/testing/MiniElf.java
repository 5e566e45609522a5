package io.isotrace.cpu.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the smallest static AArch64 Linux executable that both qemu-aarch64 and Isotrace load: an ELF64 header,
 * two PT_LOAD segments (code R+X from file offset 0, so the headers are mapped as linkers do; data R+W), and the
 * null and .shstrtab section headers that ELF readers (jelf) insist on. The random testers build their programs
 * with it, which keeps the Isotrace side of them free of any cross toolchain.
 */
public final class MiniElf {
    /** Where the code segment starts; the code itself begins one page in, after the headers. */
    public static final long CODE_BASE = 0x40_0000L;
    /** The address of the first instruction word. */
    public static final long CODE_START = CODE_BASE + 0x1000;
    private static final int PAGE = 4096;

    private MiniElf() {
    }

    /** Address of instruction word {@code index}. */
    public static long codeAddress(int index) {
        return CODE_START + 4L * index;
    }

    /**
     * @param code      instruction words (the first {@code codeWords} are used), loaded at {@link #CODE_START}
     * @param data      initial data (the first {@code dataBytes}), loaded at {@code dataBase}
     * @param entry     the entry point
     */
    public static byte[] build(int[] code, int codeWords, byte[] data, int dataBytes, long entry, long dataBase) {
        int codeOff = PAGE;
        int codeBytes = codeWords * 4;
        int dataOff = (codeOff + codeBytes + PAGE - 1) & -PAGE;
        byte[] names = "\0.shstrtab\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int namesOff = dataOff + dataBytes;
        int shOff = (namesOff + names.length + 7) & -8;
        ByteBuffer b = ByteBuffer.allocate(shOff + 2 * 64).order(ByteOrder.LITTLE_ENDIAN);
        // e_ident: ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ELFOSABI_SYSV
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
        programHeader(b, 5, 0, CODE_BASE, codeOff + codeBytes);   // PF_R | PF_X
        programHeader(b, 6, dataOff, dataBase, dataBytes);        // PF_R | PF_W
        b.position(codeOff);
        for (int k = 0; k < codeWords; k++) {
            b.putInt(code[k]);
        }
        b.position(dataOff);
        b.put(data, 0, dataBytes);
        b.put(names);
        b.position(shOff + 64);      // section 0 is all zeros
        b.putInt(1);                 // sh_name ".shstrtab"
        b.putInt(3);                 // SHT_STRTAB
        b.putLong(0);                // sh_flags
        b.putLong(0);                // sh_addr
        b.putLong(namesOff);         // sh_offset
        b.putLong(names.length);     // sh_size
        b.putInt(0);                 // sh_link
        b.putInt(0);                 // sh_info
        b.putLong(1);                // sh_addralign
        b.putLong(0);                // sh_entsize
        return b.array();
    }

    private static void programHeader(ByteBuffer b, int flags, long offset, long vaddr, long size) {
        b.putInt(1);        // PT_LOAD
        b.putInt(flags);
        b.putLong(offset);
        b.putLong(vaddr);
        b.putLong(vaddr);   // p_paddr
        b.putLong(size);    // p_filesz
        b.putLong(size);    // p_memsz
        b.putLong(PAGE);    // p_align
    }
}
