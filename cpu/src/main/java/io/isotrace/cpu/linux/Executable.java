package io.isotrace.cpu.linux;

import java.nio.file.Path;

/**
 * The program a process runs: the host file it was loaded from and the path the guest knows it by (what
 * readlink("/proc/self/exe") returns, and what execve("/proc/self/exe") runs again).
 */
public record Executable(Path host, String guestPath) {
}
