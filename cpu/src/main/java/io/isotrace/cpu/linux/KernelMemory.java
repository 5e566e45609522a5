package io.isotrace.cpu.linux;

import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.Stage1;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.Transaction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The emulated kernel's access to user memory (copy_from_user / copy_to_user): through the process's stage 1 and
 * the controller's grant, so it reaches the same physical frames the program does, but without making guest
 * transactions - the trace holds what the program's own instructions access, as qemu-user traces do. A page the
 * process may not access, or the controller will not grant, is {@link Efault}.
 */
public final class KernelMemory {
    private final Stage1 stage1;
    private final MemoryPort port;
    private final Stage1.Result s1 = new Stage1.Result();
    private final PageGrant grant = new PageGrant();
    private final Transaction probe = new Transaction();
    private int requester;
    private int asid;

    public KernelMemory(Stage1 stage1, MemoryPort port) {
        this.stage1 = stage1;
        this.port = port;
    }

    /** Identity used when asking the controller for frames (the process's core and ASID). */
    public void setContext(int requester, int asid) {
        this.requester = requester;
        this.asid = asid;
    }

    /** Thrown when a user pointer is bad: the syscall returns -EFAULT. */
    public static final class Efault extends RuntimeException {
        public Efault(long va) {
            super(String.format("bad user address 0x%x", va), null, false, false);
        }
    }

    private byte[] frame(long va, int access) {
        if (stage1.translate(va, access, s1) != Stage1.OK) {
            throw new Efault(va);
        }
        probe.clear();
        probe.requester = requester;
        probe.asid = asid;
        probe.ipa = s1.ipaPage;
        probe.va = va & ~0xFFFL;
        probe.el = 0;
        grant.clear();
        if (!port.grant(probe, grant) || !grant.allows(access == Access.WRITE ? PageGrant.WRITE : PageGrant.READ)) {
            throw new Efault(va);
        }
        return grant.frame;
    }

    public void read(long va, byte[] dst, int off, int len) {
        while (len > 0) {
            int in = (int) (va & PhysicalMemory.FRAME_MASK);
            int n = Math.min(len, PhysicalMemory.FRAME_BYTES - in);
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
        while (len > 0) {
            int in = (int) (va & PhysicalMemory.FRAME_MASK);
            int n = Math.min(len, PhysicalMemory.FRAME_BYTES - in);
            System.arraycopy(src, off, frame(va, Access.WRITE), in, n);
            va += n;
            off += n;
            len -= n;
        }
    }

    /** Writes regardless of the mapping's write permission (the loader filling read-only segments). */
    public void load(long va, byte[] src, int off, int len) {
        while (len > 0) {
            int in = (int) (va & PhysicalMemory.FRAME_MASK);
            int n = Math.min(len, PhysicalMemory.FRAME_BYTES - in);
            System.arraycopy(src, off, frame(va, Access.READ), in, n);
            va += n;
            off += n;
            len -= n;
        }
    }

    public long read64(long va) {
        byte[] b = read(va, 8);
        return io.isotrace.trace.port.LittleEndian.getLong(b, 0);
    }

    public void write64(long va, long v) {
        byte[] b = new byte[8];
        io.isotrace.trace.port.LittleEndian.putLong(b, 0, v);
        write(va, b, 0, 8);
    }

    public int read32(long va) {
        return io.isotrace.trace.port.LittleEndian.getInt(read(va, 4), 0);
    }

    public void write32(long va, int v) {
        byte[] b = new byte[4];
        io.isotrace.trace.port.LittleEndian.putInt(b, 0, v);
        write(va, b, 0, 4);
    }

    /** A NUL-terminated string of at most {@code max} bytes (UTF-8; Linux paths are bytes, Java strings suffice here). */
    public String readCString(long va, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < max; i++) {
            byte[] f = frame(va + i, Access.READ);
            byte b = f[(int) ((va + i) & PhysicalMemory.FRAME_MASK)];
            if (b == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.write(b);
        }
        throw new Efault(va); // ENAMETOOLONG in the caller when that is the better answer
    }
}
