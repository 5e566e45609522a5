package io.isotrace.cpu.fpsimd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the smallest static AArch64 Linux executable the tests need: an ELF64 header, two PT_LOAD program headers
 * (code R+X at {@link #CODE_BASE}, data R+W at {@link #DATA_BASE}) and a section header table holding only the
 * null section and .shstrtab (the ELF library Isotrace's loader uses insists on one).
 */
final class MiniElf {
    static final long CODE_BASE = 0x40_0000L;
    /** The code starts one page into the file (and the segment), after the headers. */
    static final long ENTRY = CODE_BASE + 0x1000;
    static final long DATA_BASE = 0x1000_0000L;

    private MiniElf() {
    }

    /** The executable with {@code code} at {@link #ENTRY} and {@code data} at {@link #DATA_BASE}. */
    static byte[] build(int[] code, int codeWords, byte[] data, int dataBytes) {
        int codeOff = 0x1000;
        int codeBytes = codeWords * 4;
        int dataOff = (codeOff + codeBytes + 0xFFF) & ~0xFFF;
        byte[] names = "\0.shstrtab\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int namesOff = dataOff + dataBytes;
        int shOff = (namesOff + names.length + 7) & ~7;
        ByteBuffer b = ByteBuffer.allocate(shOff + 2 * 64).order(ByteOrder.LITTLE_ENDIAN);
        // e_ident: ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ELFOSABI_SYSV
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2);          // e_type ET_EXEC
        b.putShort((short) 183);        // e_machine EM_AARCH64
        b.putInt(1);                    // e_version
        b.putLong(ENTRY);               // e_entry
        b.putLong(64);                  // e_phoff
        b.putLong(shOff);               // e_shoff
        b.putInt(0);                    // e_flags
        b.putShort((short) 64);         // e_ehsize
        b.putShort((short) 56);         // e_phentsize
        b.putShort((short) 2);          // e_phnum
        b.putShort((short) 64);         // e_shentsize
        b.putShort((short) 2);          // e_shnum
        b.putShort((short) 1);          // e_shstrndx
        programHeader(b, 5, 0, CODE_BASE, codeOff + codeBytes);          // PF_R | PF_X
        programHeader(b, 6, dataOff, DATA_BASE, dataBytes);              // PF_R | PF_W
        b.position(codeOff);
        for (int k = 0; k < codeWords; k++) {
            b.putInt(code[k]);
        }
        b.position(dataOff);
        b.put(data, 0, dataBytes);
        b.put(names);
        b.position(shOff + 64);         // section 0 is all zero
        b.putInt(1);                    // sh_name ".shstrtab"
        b.putInt(3);                    // SHT_STRTAB
        b.putLong(0);                   // sh_flags
        b.putLong(0);                   // sh_addr
        b.putLong(namesOff);            // sh_offset
        b.putLong(names.length);        // sh_size
        b.putInt(0);                    // sh_link
        b.putInt(0);                    // sh_info
        b.putLong(1);                   // sh_addralign
        b.putLong(0);                   // sh_entsize
        return b.array();
    }

    private static void programHeader(ByteBuffer b, int flags, long offset, long vaddr, long size) {
        b.putInt(1);            // PT_LOAD
        b.putInt(flags);
        b.putLong(offset);
        b.putLong(vaddr);
        b.putLong(vaddr);       // p_paddr
        b.putLong(size);        // p_filesz
        b.putLong(size);        // p_memsz
        b.putLong(0x1000);      // p_align
    }
}
