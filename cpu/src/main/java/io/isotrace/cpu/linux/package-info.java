/**
 * User-mode Linux for the emulated core (like qemu-aarch64 or gem5's SE mode): static AArch64 programs run with
 * their system calls answered here. {@link io.isotrace.cpu.linux.LinuxRun} is the entry point and the options
 * object of a run.
 *
 * <h2>Processes</h2>
 * {@link io.isotrace.cpu.linux.LinuxKernel} holds the process table and schedules. Each
 * {@link io.isotrace.cpu.linux.GuestProcess} has its own {@link io.isotrace.cpu.Cpu} (registers, decoded code, TLB),
 * its own {@link io.isotrace.cpu.linux.AddressSpace}, descriptors and signal state; its ASID is its pid (the first is
 * 1000). clone makes fork-style children (SIGCHLD) and vfork children (CLONE_VM|CLONE_VFORK: the parent's address
 * space is borrowed and the parent sleeps until the child execs or exits); threads are not supported. execve loads
 * a new image into a new address space and a new core, follows #! lines, and runs the current program again for
 * {@code /proc/self/exe} - which is how busybox sh starts applets in pipelines.
 *
 * <p>Scheduling is cooperative and deterministic: a process runs until it exits, sleeps in a system call (a read of
 * an empty pipe with a writer, a write to a full pipe with a reader, wait4 for a live child, ppoll/pselect6 with
 * nothing ready, rt_sigsuspend, a vfork parent) or has run a slice of 20 M instructions; then the next process in pid
 * order that can run gets the core. A sleeping call is run again when its condition holds; a signal interrupts it
 * (SA_RESTART restarts it after the handler, else EINTR). All processes share one simulated clock and one
 * transaction sequence; {@code --max-instructions} bounds all of them together.
 *
 * <h2>Memory: why two processes never share a frame</h2>
 * In user mode VA = IPA, and the first process is mapped exactly so. A forked child has the same virtual addresses
 * as its parent, so it cannot also use VA = IPA: its pages come from a pool of IPA pages in [2^47, 2^48)
 * ({@link io.isotrace.cpu.linux.FramePool}) - above every virtual address the first process uses and below the
 * identity memory system's 48-bit physical limit. Each address space keeps a page table (virtual page to IPA page)
 * filled on first touch; fork copies the touched pages into fresh pool pages, munmap and exit zero them (pool pages
 * return to the pool), and the cores using the space drop the TLB entries and decoded blocks concerned. A child's
 * transactions therefore show VA != IPA and its own ASID, and a controller sees distinct physical pages per process.
 * The kernel reaches user memory through the same grants as the core ({@link io.isotrace.cpu.linux.KernelMemory})
 * without making transactions, as qemu-user's kernel emulation does not appear in a guest trace either.
 *
 * <h2>Files</h2>
 * {@link io.isotrace.cpu.linux.GuestFileSystem}: the host's tree (or {@code --root DIR}) read-only, paths resolved
 * component by component in guest terms so that ".." and symbolic links never leave the root; writes only below
 * {@code --writable} directories, elsewhere EROFS as on a read-only mount. /proc (self, PID/exe, fd, cwd) and the
 * common /dev devices are emulated. No descriptor is a terminal: terminal ioctls answer ENOTTY even when the host's
 * stream is one (qemu passes them through; a fixed answer keeps runs reproducible).
 *
 * <h2>Signals</h2>
 * Faults, undefined instructions and BRK become SIGSEGV/SIGBUS/SIGILL/SIGTRAP with Linux's si_code and fault
 * address; handlers get the arm64 {@code rt_sigframe} ({@link io.isotrace.cpu.linux.SignalFrame}) with siginfo,
 * ucontext, the fpsimd and esr records, on the alternate stack if asked, and return through SA_RESTORER's restorer or
 * the kernel's trampoline page to rt_sigreturn. An unhandled fatal signal ends the process with status 128 + signal
 * and, for faults and for the first process, one diagnostic line naming the signal, PC, address and access.
 *
 * <h2>Determinism</h2>
 * Nothing of the host leaks in except file contents and metadata: fixed ids (uid/gid 1000, pid 1000 up), fixed uname,
 * simulated time (CLOCK_REALTIME starts at 2026-01-01T00:00:00Z), seeded randomness (AT_RANDOM, getrandom,
 * /dev/urandom), directory listings sorted by name. The same program, arguments and input give the same output and
 * the same transaction stream.
 */
package io.isotrace.cpu.linux;
