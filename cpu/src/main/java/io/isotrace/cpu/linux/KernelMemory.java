package io.isotrace.cpu.linux;

import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.Stage1;
import io.isotrace.trace.port.LittleEndian;

import java.io.ByteArrayOutputStream;

/**
 * The emulated kernel's access to user memory (copy_from_user / copy_to_user): through the process's stage 1 and
 * the memory system's grant, so it reaches the same physical frames the program does, but without making guest
 * transactions - the trace holds what the program's own instructions access, as qemu-user traces do. A page the
 * process may not access, or the memory system will not grant, is {@link Efault}.
 */
public final class KernelMemory {
    private static final int PAGE = 4096;
    private static final int PAGE_MASK = PAGE - 1;

    private final AddressSpace space;
    private final Stage1.Result s1 = new Stage1.Result();

    KernelMemory(AddressSpace space) {
        this.space = space;
    }

    /** Thrown when a user pointer is bad: the syscall returns -EFAULT. */
    public static final class Efault extends RuntimeException {
        private final long address;

        public Efault(long va) {
            super(null, null, false, false);
            this.address = va;
        }

        public long address() {
            return address;
        }

        @Override
        public String getMessage() {
            return String.format("bad user address 0x%x", address);
        }
    }

    private byte[] frame(long va, int access) {
        if (Long.compareUnsigned(va, space.layout().taskSize()) >= 0 || space.translate(va, access, s1) != Stage1.OK) {
            throw new Efault(va);
        }
        return frameAt(s1.ipaPage, va, access == Access.WRITE);
    }

    /** The frame of a mapped page regardless of its protection (the loader filling read-only segments). */
    private byte[] loaderFrame(long va) {
        long ipa = Long.compareUnsigned(va, space.layout().taskSize()) >= 0 ? -1 : space.backingPage(va);
        if (ipa < 0) {
            throw new Efault(va);
        }
        return frameAt(ipa, va, true);
    }

    private byte[] frameAt(long ipaPage, long va, boolean write) {
        byte[] f = space.frames().frame(ipaPage, va, space.asid(), write);
        if (f == null) {
            throw new Efault(va);
        }
        return f;
    }

    public void read(long va, byte[] dst, int off, int len) {
        while (len > 0) {
            int in = (int) (va & PAGE_MASK);
            int n = Math.min(len, PAGE - in);
            System.arraycopy(frame(va, Access.READ), in, dst, off, n);
            va += n;
            off += n;
            len -= n;
        }
    }

    public byte[] read(long va, int len) {
        byte[] b = new byte[len];
        read(va, b, 0, len);
        return b;
    }

    public void write(long va, byte[] src, int off, int len) {
        copyIn(va, src, off, len, false);
    }

    /** Copies page by page into guest memory; {@code asLoader} ignores the pages' write permission. */
    private void copyIn(long va, byte[] src, int off, int len, boolean asLoader) {
        while (len > 0) {
            int in = (int) (va & PAGE_MASK);
            int n = Math.min(len, PAGE - in);
            System.arraycopy(src, off, asLoader ? loaderFrame(va) : frame(va, Access.WRITE), in, n);
            va += n;
            off += n;
            len -= n;
        }
    }

    public void write(long va, byte[] src) {
        write(va, src, 0, src.length);
    }

    /** Writes regardless of the mapping's write permission (the loader filling read-only segments). */
    public void load(long va, byte[] src, int off, int len) {
        copyIn(va, src, off, len, true);
    }

    public long read64(long va) {
        return LittleEndian.getLong(read(va, 8), 0);
    }

    public void write64(long va, long v) {
        byte[] b = new byte[8];
        LittleEndian.putLong(b, 0, v);
        write(va, b, 0, 8);
    }

    public int read32(long va) {
        return LittleEndian.getInt(read(va, 4), 0);
    }

    public void write32(long va, int v) {
        byte[] b = new byte[4];
        LittleEndian.putInt(b, 0, v);
        write(va, b, 0, 4);
    }

    /** Checks that {@code [va, va+len)} may be written (so a syscall fails with EFAULT before it has effects). */
    public void checkWritable(long va, long len) {
        for (long a = va & ~(long) PAGE_MASK; Long.compareUnsigned(a, va + len) < 0 && len > 0; a += PAGE) {
            if (Long.compareUnsigned(a, space.layout().taskSize()) >= 0
                    || space.translate(Math.max(a, va), Access.WRITE, s1) != Stage1.OK) {
                throw new Efault(Math.max(a, va));
            }
        }
    }

    /** A NUL-terminated string of at most {@code max} bytes, as raw bytes (Linux paths and arguments are bytes). */
    public byte[] readCBytes(long va, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < max) {
            byte[] f = frame(va + i, Access.READ);
            int in = (int) ((va + i) & PAGE_MASK);
            for (; in < PAGE && i < max; in++, i++) {
                byte b = f[in];
                if (b == 0) {
                    return out.toByteArray();
                }
                out.write(b);
            }
        }
        throw new SyscallError(Errno.ENAMETOOLONG);
    }

    /** A NUL-terminated string, decoded as UTF-8 (paths; see {@link GuestPaths} for how bytes map to Java). */
    public String readCString(long va, int max) {
        return GuestPaths.decode(readCBytes(va, max));
    }

    /** A NULL-terminated array of string pointers (argv, envp); null {@code va} is an empty array. */
    public java.util.List<byte[]> readStringArray(long va, int maxCount) {
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        if (va == 0) {
            return out;
        }
        for (int i = 0; ; i++) {
            if (i >= maxCount) {
                throw new SyscallError(Errno.E2BIG);
            }
            long p = read64(va + 8L * i);
            if (p == 0) {
                return out;
            }
            out.add(readCBytes(p, 128 * 1024));
        }
    }
}
