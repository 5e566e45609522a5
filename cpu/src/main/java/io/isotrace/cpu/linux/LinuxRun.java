package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.StopReason;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.record.TransactionSink;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one static Linux program in user mode: loads it, builds its stack, runs the core until the program exits.
 * The facade the command line and the tests use.
 */
public final class LinuxRun {
    private final Path program;
    private final List<String> argv;
    private final List<String> envp;
    private final MemoryPort port;
    private final CpuConfig config;
    private TransactionSink sink;
    private OutputStream stdout = System.out;
    private OutputStream stderr = System.err;
    private PrintStream diagnostics = System.err;

    /** A deterministic environment, not the host's, so runs reproduce anywhere. */
    public static final List<String> DEFAULT_ENV = List.of("PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/", "LANG=C");

    public LinuxRun(Path program, List<String> argv, List<String> envp, MemoryPort port, CpuConfig config) {
        this.program = program;
        this.argv = new ArrayList<>(argv);
        this.envp = new ArrayList<>(envp);
        this.port = port;
        this.config = config;
    }

    public LinuxRun sink(TransactionSink s) {
        this.sink = s;
        return this;
    }

    public LinuxRun io(OutputStream out, OutputStream err, PrintStream diag) {
        this.stdout = out;
        this.stderr = err;
        this.diagnostics = diag;
        return this;
    }

    /** The outcome of a run. */
    public record Result(StopReason stop, int exitStatus, long instructions, long transactions, long simulatedPs) {
    }

    public Result run() {
        AddressSpace space = new AddressSpace();
        LinuxKernel kernel = new LinuxKernel(stdout, stderr, diagnostics);
        Cpu cpu = new Cpu(config, space, port);
        cpu.setKernel(kernel);
        KernelMemory kmem = new KernelMemory(space, port);
        kmem.setContext(config.requester(), 0);
        GuestProcess proc = new GuestProcess(LinuxIds.FIRST_PID, cpu, space, kmem, kernel);
        kernel.setCurrent(proc);

        ElfImage image = ElfLoader.load(program, space, kmem);
        proc.brkStart = image.brkStart();
        proc.brk = image.brkStart();
        space.map(AddressSpace.STACK_TOP - AddressSpace.STACK_SIZE, AddressSpace.STACK_TOP,
                Prot.READ | Prot.WRITE, "[stack]");
        byte[] random = new byte[16];
        new java.util.SplittableRandom(0x1507_7ACEL).nextBytes(random);
        long sp = InitialStack.build(kmem, AddressSpace.STACK_TOP, argv, envp, argv.isEmpty() ? program.toString()
                : argv.get(0), image, random, Hwcap.HWCAP, Hwcap.HWCAP2);
        cpu.x[Reg.SP] = sp;
        cpu.pc = image.entry();
        if (sink != null) {
            cpu.mem.setSink(sink);
        }
        StopReason stop = cpu.run();
        return new Result(stop, proc.exitStatus, cpu.instructions(), cpu.mem.transactions(), cpu.timePs());
    }
}
