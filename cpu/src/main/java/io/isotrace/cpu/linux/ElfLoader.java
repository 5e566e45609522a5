package io.isotrace.cpu.linux;

import io.isotrace.trace.BadInputException;
import net.fornwall.jelf.ElfFile;
import net.fornwall.jelf.ElfSegment;

import java.nio.file.Path;

/**
 * Loads a static AArch64 Linux executable (ET_EXEC, or ET_DYN without an interpreter: static-pie) the way the
 * kernel's binfmt_elf does: each PT_LOAD segment mapped page-aligned with its permissions, its pages filled from the
 * file when first touched, the rest zero. Static-pie programs relocate themselves (glibc's _dl_relocate_static_pie), so only a bias is chosen.
 */
public final class ElfLoader {

    private static final int EM_AARCH64 = 183;
    private static final int ET_EXEC = 2;
    private static final int ET_DYN = 3;
    private static final int PT_LOAD = 1;
    private static final int PT_INTERP = 3;

    private ElfLoader() {
    }

    /** Reads and checks {@code file}; {@link BadInputException} naming the file when it cannot be run. */
    public static ElfFile parse(Path file, byte[] bytes) {
        String where = file.toString();
        if (bytes.length < 64 || bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw new BadInputException(where, "not an ELF file");
        }
        ElfFile elf;
        try {
            elf = ElfFile.from(bytes);
        } catch (RuntimeException e) { // jelf reports malformed files with ElfException and with plain runtime errors
            throw new BadInputException(where, "malformed ELF: " + e.getMessage());
        }
        if (elf.is32Bits()) {
            throw new BadInputException(where, "a 32-bit ELF; Isotrace runs AArch64 (64-bit) programs");
        }
        if (elf.e_machine != EM_AARCH64) {
            throw new BadInputException(where, "ELF machine " + elf.e_machine + " is not AArch64 (183)");
        }
        if (elf.e_type != ET_EXEC && elf.e_type != ET_DYN) {
            throw new BadInputException(where, "ELF type " + elf.e_type + " is not an executable");
        }
        for (int k = 0; k < elf.e_phnum; k++) {
            if (elf.getProgramHeader(k).p_type == PT_INTERP) {
                throw new BadInputException(where, "dynamically linked (it asks for an interpreter); build it with "
                        + "-static");
            }
        }
        return elf;
    }

    /** Loads the program; a static-pie one at {@code pieBase} (Linux's ELF_ET_DYN_BASE, 2/3 of user space). */
    public static ElfImage load(Path file, byte[] bytes, AddressSpace space, KernelMemory mem, long pieBase) {
        return load(file, bytes, parse(file, bytes), space, mem, pieBase);
    }

    /** {@link #load(Path, byte[], AddressSpace, KernelMemory, long)} of a program already {@link #parse parsed}. */
    public static ElfImage load(Path file, byte[] bytes, ElfFile elf, AddressSpace space, KernelMemory mem,
                                long pieBase) {
        long bias = elf.e_type == ET_DYN ? pieBase : 0;
        long highest = 0;
        long phdrAddr = 0;
        for (int k = 0; k < elf.e_phnum; k++) {
            ElfSegment s = elf.getProgramHeader(k);
            if (s.p_type != PT_LOAD) {
                continue;
            }
            // A segment with no file bytes (pure .bss) may name any offset, even past the end: Linux never reads it.
            if (s.p_filesz > s.p_memsz || (s.p_filesz > 0 && (s.p_offset < 0 || s.p_offset + s.p_filesz > bytes.length))) {
                throw new BadInputException(file + ": program header " + k, "segment extends beyond the file");
            }
            long start = (bias + s.p_vaddr) & ~(AddressSpace.PAGE - 1);
            long end = (bias + s.p_vaddr + s.p_memsz + AddressSpace.PAGE - 1) & ~(AddressSpace.PAGE - 1);
            int prot = (s.isReadable() ? Prot.READ : 0) | (s.isWriteable() ? Prot.WRITE : 0)
                    | (s.isExecutable() ? Prot.EXEC : 0);
            long vaddr = bias + s.p_vaddr;
            if (s.p_filesz == 0) {
                space.map(start, end, prot, file.toString()); // zero pages
            } else if (((vaddr - s.p_offset) & (AddressSpace.PAGE - 1)) == 0 && s.p_offset >= vaddr - start) {
                // Page-congruent, as linkers make them: pages load from the file on first touch.
                space.mapFile(start, end, prot, file.toString(), bytes, s.p_offset - (vaddr - start),
                        s.p_offset + s.p_filesz);
            } else {
                space.map(start, end, prot, file.toString());
                mem.load(vaddr, bytes, (int) s.p_offset, (int) s.p_filesz);
            }
            highest = Math.max(highest, end);
            if (elf.e_phoff >= s.p_offset && elf.e_phoff < s.p_offset + s.p_filesz) {
                phdrAddr = bias + s.p_vaddr + (elf.e_phoff - s.p_offset);
            }
        }
        if (highest == 0) {
            throw new BadInputException(file.toString(), "no loadable segments");
        }
        return new ElfImage(bias + elf.e_entry, phdrAddr, elf.e_phentsize, elf.e_phnum, bias, highest);
    }
}
