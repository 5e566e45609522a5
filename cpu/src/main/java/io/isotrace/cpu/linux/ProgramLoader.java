package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.trace.BadInputException;
import net.fornwall.jelf.ElfFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What execve does to a process once the program is known (fs/exec.c, fs/binfmt_elf.c, fs/binfmt_script.c):
 * reads the file, follows a {@code #!} line to its interpreter, checks the ELF, then - past the point of no return -
 * replaces the address space and the core, loads the segments, maps the stack and the sigreturn page, and builds
 * the initial stack.
 */
final class ProgramLoader {
    /** Interpreter nesting Linux allows for #! scripts (BINPRM_MAX_RECURSION). */
    private static final int MAX_SCRIPT_DEPTH = 4;

    private ProgramLoader() {
    }

    /** A program ready to be loaded: its bytes and final argument list. */
    record Prepared(Executable exe, byte[] bytes, ElfFile elf, List<byte[]> argv) {
    }

    /**
     * Reads {@code exe} and resolves #! interpreters; throws {@link SyscallError} (ENOEXEC, EACCES, ENOENT ...)
     * while the process can still be told.
     */
    static Prepared prepare(LinuxKernel k, GuestProcess p, Executable exe, List<byte[]> argv) {
        List<byte[]> args = new ArrayList<>(argv);
        for (int depth = 0; ; depth++) {
            byte[] bytes;
            try {
                bytes = k.programBytes(exe.host());
            } catch (IOException e) {
                throw GuestFileSystem.errnoOf(e);
            }
            if (bytes.length >= 2 && bytes[0] == '#' && bytes[1] == '!') {
                if (depth >= MAX_SCRIPT_DEPTH) {
                    throw new SyscallError(Errno.ELOOP);
                }
                int end = 2;
                while (end < bytes.length && end < 256 && bytes[end] != '\n') {
                    end++;
                }
                String line = new String(bytes, 2, end - 2, StandardCharsets.UTF_8).strip();
                if (line.isEmpty()) {
                    throw new SyscallError(Errno.ENOEXEC);
                }
                int sp = indexOfBlank(line);
                String interp = sp < 0 ? line : line.substring(0, sp);
                String optArg = sp < 0 ? null : line.substring(sp).strip();
                // argv becomes: interpreter [optional-arg] script-path original-argv[1..]
                List<byte[]> next = new ArrayList<>();
                next.add(interp.getBytes(StandardCharsets.UTF_8));
                if (optArg != null && !optArg.isEmpty()) {
                    next.add(optArg.getBytes(StandardCharsets.UTF_8));
                }
                next.add(exe.guestPath().getBytes(StandardCharsets.UTF_8));
                next.addAll(args.subList(Math.min(1, args.size()), args.size()));
                args = next;
                exe = k.resolveExecutable(p, interp);
                continue;
            }
            ElfFile elf;
            try {
                elf = ElfLoader.parse(exe.host(), bytes);
            } catch (BadInputException e) {
                throw new SyscallError(Errno.ENOEXEC);
            }
            return new Prepared(exe, bytes, elf, args);
        }
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Gives {@code p} a fresh address space and core running {@code prog}: the point of no return. The old
     * address space must already be released (it may hold the same IPAs, for the identity-mapped first process).
     *
     * @param execfn the path execve was given (AT_EXECFN)
     */
    static void load(LinuxKernel k, GuestProcess p, Prepared prog, List<byte[]> envp, byte[] execfn) {
        AddressSpace space = k.newAddressSpace(p);
        p.setMm(space);
        VaLayout l = space.layout();
        ElfImage image = ElfLoader.load(prog.exe().host(), prog.bytes(), prog.elf(), space, space.mem, l.pieBase());
        space.brkStart = image.brkStart();
        space.brk = image.brkStart();
        space.map(l.stackTop() - VaLayout.STACK_SIZE, l.stackTop(),
                Prot.READ | Prot.WRITE, "[stack]");
        k.mapSigpage(space);
        byte[] random = new byte[16];
        k.random.nextBytes(random);
        long sp = InitialStack.build(space.mem, l.stackTop(), prog.argv(), envp, execfn, image, random,
                Hwcap.HWCAP, Hwcap.HWCAP2);
        p.exe = prog.exe();
        p.comm = null;
        java.io.ByteArrayOutputStream cmd = new java.io.ByteArrayOutputStream();
        for (byte[] a : prog.argv()) {
            cmd.write(a, 0, a.length);
            cmd.write(0);
        }
        p.cmdline = cmd.toByteArray();
        Cpu cpu = k.newCpu(p);
        cpu.x[Reg.SP] = sp;
        cpu.pc = image.entry();
        p.cpu = cpu;
    }
}
