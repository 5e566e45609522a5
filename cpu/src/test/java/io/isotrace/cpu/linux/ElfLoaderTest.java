package io.isotrace.cpu.linux;

import io.isotrace.trace.BadInputException;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loader behaviour that binfmt_elf defines (fs/binfmt_elf.c: load_elf_binary, elf_map, padzero/set_brk). */
class ElfLoaderTest {
    private static final long CODE = 0x40_0000L;
    private static final long BSS = 0x60_0000L;

    /**
     * A bss-only PT_LOAD (p_filesz 0) whose p_offset lies past the end of the file, as some linkers emit: Linux maps
     * it as zero pages without reading the file, so the loader must accept it.
     */
    @Test
    void bssOnlySegmentWithAnOffsetPastTheEndLoadsAsZeroPages() {
        byte[] elf = elf(0x10_0000L);
        AddressSpace space = space();
        KernelMemory mem = space.mem;
        ElfImage img = ElfLoader.load(Path.of("bss-only"), elf, space, mem, VaLayout.VA48.pieBase());
        assertEquals(CODE + 64 + 2 * 56, img.entry());
        Vma bss = space.find(BSS);
        assertNotNull(bss, "the bss segment is mapped");
        assertEquals(BSS + 0x2000, bss.end());
        assertEquals(0, mem.read64(BSS + 0x1ff8));
        assertTrue(img.brkStart() >= BSS + 0x2000);
    }

    @Test
    void aSegmentWithFileBytesPastTheEndIsRefused() {
        byte[] elf = elf(0x10_0000L);
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(64 + 56 + 32, 16); // second segment: p_filesz 16 bytes at an offset past the end
        AddressSpace space = space();
        BadInputException e = assertThrows(BadInputException.class, () -> ElfLoader.load(Path.of("bad"), elf,
                space, space.mem, VaLayout.VA48.pieBase()));
        assertTrue(e.getMessage().contains("program header 1"), e.getMessage());
    }

    /** The first process's address space (VA = IPA) over the identity memory system. */
    private static AddressSpace space() {
        VaLayout l = VaLayout.VA48;
        return new AddressSpace(l, new FramePool(l), new PhysicalFrames(new IdentityMemoryPort(new PhysicalMemory()), 0),
                true, 1);
    }

    /** ELF64 header, two program headers (text with the headers, then a bss-only segment), and an empty section table. */
    private static byte[] elf(long bssOffset) {
        int phoff = 64;
        int codeOff = phoff + 2 * 56;
        int[] code = {0xd2800000, 0xd2800bc8, 0xd4000001}; // mov x0,#0; mov x8,#94; svc #0
        int shoff = codeOff + code.length * 4;
        ByteBuffer b = ByteBuffer.allocate(shoff + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).putLong(0);
        b.putShort((short) 2).putShort((short) 183).putInt(1);
        b.putLong(CODE + codeOff).putLong(phoff).putLong(shoff);
        b.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 2);
        b.putShort((short) 64).putShort((short) 1).putShort((short) 0);
        // PT_LOAD R+X: the first page of the file, headers included.
        b.putInt(1).putInt(5).putLong(0).putLong(CODE).putLong(CODE).putLong(shoff).putLong(shoff).putLong(0x1000);
        // PT_LOAD R+W, bss only: no file bytes, offset far past the end of the file.
        b.putInt(1).putInt(6).putLong(bssOffset).putLong(BSS).putLong(BSS).putLong(0).putLong(0x2000).putLong(0x1000);
        for (int w : code) {
            b.putInt(w);
        }
        b.put(new byte[64]); // the null section header
        return b.array();
    }
}
