package io.isotrace.cpu;

/** Why {@link Cpu#run()} returned. */
public enum StopReason {
    /** The guest asked to stop (exit, exit_group, a fatal signal): see the status. */
    EXITED,
    /** The instruction limit was reached. */
    INSTRUCTION_LIMIT,
    /** An instruction Isotrace recognises but does not implement was about to execute. */
    UNIMPLEMENTED,
    /** The kernel stopped the core to switch to another guest context (user-mode process scheduling). */
    YIELDED
}
