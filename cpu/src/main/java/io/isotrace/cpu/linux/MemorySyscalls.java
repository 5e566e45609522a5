package io.isotrace.cpu.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * The address space: brk, mmap (anonymous and file-backed, private), munmap, mprotect, mremap, madvise and the
 * calls that need no action in an emulator (msync, mlock ...). Page-table and TLB consequences are
 * {@link AddressSpace}'s.
 *
 * <p>Shared mappings: a MAP_SHARED file mapping is loaded like a private one (its writes do not reach the file; one
 * warning says so when it is writable), and MAP_SHARED|MAP_ANONYMOUS memory is private to each process after fork.
 * Neither busybox nor glibc's static startup uses shared memory.
 */
final class MemorySyscalls {
    static final int MAP_SHARED = 0x01;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_SHARED_VALIDATE = 0x03;
    static final int MAP_TYPE = 0x0F;
    static final int MAP_FIXED = 0x10;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MAP_FIXED_NOREPLACE = 0x100000;

    static final int MREMAP_MAYMOVE = 1;
    static final int MREMAP_FIXED = 2;

    static final int MADV_DONTNEED = 4;

    private static final long PAGE = AddressSpace.PAGE;

    private final LinuxKernel k;

    MemorySyscalls(LinuxKernel k) {
        this.k = k;
    }

    void register(SyscallTable t) {
        t.add(214, "brk", (p, addr, a1, a2, a3, a4, a5) -> brk(p, addr));
        t.add(222, "mmap", (p, addr, len, prot, flags, fd, off) -> mmap(p, addr, len, (int) prot, (int) flags, fd,
                off));
        t.add(215, "munmap", (p, addr, len, a2, a3, a4, a5) -> munmap(p, addr, len));
        t.add(226, "mprotect", (p, addr, len, prot, a3, a4, a5) -> mprotect(p, addr, len, (int) prot));
        t.add(216, "mremap", (p, old, oldLen, newLen, flags, newAddr, a5) -> mremap(p, old, oldLen, newLen,
                (int) flags, newAddr));
        t.add(233, "madvise", (p, addr, len, advice, a3, a4, a5) -> madvise(p, addr, len, (int) advice));
        t.add(227, "msync", (p, addr, len, flags, a3, a4, a5) -> (addr & (PAGE - 1)) != 0 ? -Errno.EINVAL : 0);
        t.add(228, "mlock", (p, addr, len, a2, a3, a4, a5) -> 0);
        t.add(229, "munlock", (p, addr, len, a2, a3, a4, a5) -> 0);
        t.add(230, "mlockall", (p, flags, a1, a2, a3, a4, a5) -> 0);
        t.add(231, "munlockall", (p, a0, a1, a2, a3, a4, a5) -> 0);
        t.add(232, "mincore", (p, addr, len, vec, a3, a4, a5) -> mincore(p, addr, len, vec));
    }

    private static long pageUp(long v) {
        return (v + PAGE - 1) & -PAGE;
    }

    /**
     * brk: the heap starts on the page after the program and grows or shrinks in whole pages; a break that would
     * run into another mapping is refused by returning the current one (mm/mmap.c).
     */
    private long brk(GuestProcess p, long addr) {
        AddressSpace mm = p.mm;
        if (addr < mm.brkStart) {
            return mm.brk;
        }
        long oldTop = pageUp(mm.brk);
        long newTop = pageUp(addr);
        if (newTop > oldTop) {
            if (!mm.isFree(oldTop, newTop) || newTop > mm.layout().mmapBottom()) {
                return mm.brk;
            }
            mm.map(oldTop, newTop, Prot.READ | Prot.WRITE, "[heap]");
        } else if (newTop < oldTop) {
            mm.unmap(newTop, oldTop);
        }
        mm.brk = addr;
        return addr;
    }

    private long mmap(GuestProcess p, long addr, long len, int prot, int flags, long fd, long off) {
        AddressSpace mm = p.mm;
        int type = flags & MAP_TYPE;
        if (len == 0 || (off & (PAGE - 1)) != 0 || (type != MAP_SHARED && type != MAP_PRIVATE
                && type != MAP_SHARED_VALIDATE) || (prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC)) != 0) {
            return -Errno.EINVAL;
        }
        long size = pageUp(len);
        if (size == 0 || size > mm.layout().taskSize()) {
            return -Errno.ENOMEM;
        }
        boolean anonymous = (flags & MAP_ANONYMOUS) != 0;
        OpenFile file = null;
        if (!anonymous) {
            file = p.fds.get(fd);
            if (file.hostFile() == null) {
                return file instanceof HostDirectory ? -Errno.ENODEV : -Errno.EACCES;
            }
            if (!file.readable()) {
                return -Errno.EACCES;
            }
            if (type != MAP_PRIVATE && (prot & Prot.WRITE) != 0) {
                if (!file.writable()) {
                    return -Errno.EACCES;
                }
                k.warnOnce("a writable MAP_SHARED file mapping is private: its writes do not reach the file");
            }
        }
        long start;
        if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0) {
            if ((addr & (PAGE - 1)) != 0) {
                return -Errno.EINVAL;
            }
            if (Long.compareUnsigned(addr + size, mm.layout().taskSize()) > 0 || addr + size < addr) {
                return -Errno.ENOMEM;
            }
            if ((flags & MAP_FIXED_NOREPLACE) != 0 && !mm.isFree(addr, addr + size)) {
                return -Errno.EEXIST;
            }
            start = addr;
        } else {
            long hint = addr & -PAGE;
            if (hint != 0 && hint >= AddressSpace.PAGE * 16 && mm.isFree(hint, hint + size)) {
                start = hint;
            } else {
                start = mm.findFree(size);
                if (start < 0) {
                    return -Errno.ENOMEM;
                }
            }
        }
        String name = anonymous ? "" : file.describe();
        if (anonymous) {
            mm.map(start, start + size, prot, name);
        } else {
            byte[] data = readFile(file, off, len);
            mm.mapFile(start, start + size, prot, name, data, 0, data.length);
        }
        return start;
    }

    /**
     * The bytes {@code [off, off+len)} of the file (fewer at its end), which the mapping's pages are filled from
     * when first touched; pages past the end of the file read as zero.
     */
    private static byte[] readFile(OpenFile file, long off, long len) {
        try (FileChannel ch = FileChannel.open(file.hostFile(), StandardOpenOption.READ)) {
            long n = Math.min(len, Math.max(0, ch.size() - off));
            if (n > Integer.MAX_VALUE - 16) {
                throw new SyscallError(Errno.ENOMEM);
            }
            byte[] data = new byte[(int) n];
            ByteBuffer bb = ByteBuffer.wrap(data);
            while (bb.hasRemaining() && ch.read(bb, off + bb.position()) > 0) {
                // read on
            }
            return data;
        } catch (IOException e) {
            throw GuestFileSystem.errnoOf(e);
        }
    }

    private long munmap(GuestProcess p, long addr, long len) {
        if ((addr & (PAGE - 1)) != 0 || len == 0) {
            return -Errno.EINVAL;
        }
        long end = pageUp(addr + len);
        if (Long.compareUnsigned(end, p.mm.layout().taskSize()) > 0 || end < addr) {
            return -Errno.EINVAL;
        }
        p.mm.unmap(addr, end);
        return 0;
    }

    private long mprotect(GuestProcess p, long addr, long len, int prot) {
        if ((addr & (PAGE - 1)) != 0 || (prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC | 0x0100_0000 | 0x0200_0000))
                != 0) {
            return -Errno.EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        long end = pageUp(addr + len);
        if (end < addr) {
            return -Errno.ENOMEM;
        }
        return p.mm.protect(addr, end, prot & (Prot.READ | Prot.WRITE | Prot.EXEC)) ? 0 : -Errno.ENOMEM;
    }

    private long mremap(GuestProcess p, long old, long oldLen, long newLen, int flags, long newAddr) {
        AddressSpace mm = p.mm;
        if ((old & (PAGE - 1)) != 0 || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | 4)) != 0
                || ((flags & MREMAP_FIXED) != 0 && (flags & MREMAP_MAYMOVE) == 0)) {
            return -Errno.EINVAL;
        }
        long oldSize = pageUp(oldLen);
        long newSize = pageUp(newLen);
        if (newSize == 0) {
            return -Errno.EINVAL;
        }
        Vma v = mm.find(old);
        if (v == null || v.end() < old + oldSize) {
            return -Errno.EFAULT;
        }
        if ((flags & MREMAP_FIXED) == 0) {
            if (newSize <= oldSize) {
                if (newSize < oldSize) {
                    mm.unmap(old + newSize, old + oldSize);
                }
                return old;
            }
            if (v.end() == old + oldSize && mm.isFree(old + oldSize, old + newSize)) {
                mm.resize(v, old + newSize);
                return old;
            }
            if ((flags & MREMAP_MAYMOVE) == 0) {
                return -Errno.ENOMEM;
            }
        }
        long target;
        if ((flags & MREMAP_FIXED) != 0) {
            if ((newAddr & (PAGE - 1)) != 0 || (newAddr < old + oldSize && old < newAddr + newSize)) {
                return -Errno.EINVAL;
            }
            target = newAddr;
        } else {
            target = mm.findFree(newSize);
            if (target < 0) {
                return -Errno.ENOMEM;
            }
        }
        mm.mapLike(v.moved(old, target, newSize));
        mm.copyPages(old, target, Math.min(oldSize, newSize));
        mm.unmap(old, old + oldSize);
        return target;
    }

    /** madvise: MADV_DONTNEED drops the pages (they read afresh); every other advice is accepted. */
    private long madvise(GuestProcess p, long addr, long len, int advice) {
        if ((addr & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        long end = pageUp(addr + len);
        if (advice == MADV_DONTNEED && end > addr) {
            // Anonymous pages read as zero again, pages of the program's segments as the file's bytes.
            p.mm.discard(addr, end);
        }
        return 0;
    }

    private long mincore(GuestProcess p, long addr, long len, long vec) {
        if ((addr & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        long pages = pageUp(len) / PAGE;
        byte[] b = new byte[(int) Math.min(pages, 1 << 20)];
        for (int i = 0; i < b.length; i++) {
            long va = addr + i * PAGE;
            if (p.mm.find(va) == null) {
                return -Errno.ENOMEM;
            }
            b[i] = (byte) (p.mm.ipaIfPresent(va) >= 0 ? 1 : 0);
        }
        p.mem.write(vec, b);
        return 0;
    }
}
