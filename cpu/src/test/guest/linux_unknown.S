// System calls Linux has but the emulator may not (memfd_secret, 447) and numbers beyond the table (500) fail with
// ENOSYS, every time; the program goes on. Isotrace warns once per number (LinuxKernelTest).
#include "linux_sys.inc"
    .global _start
_start:
    mov     x8, #447
    svc     #0
    expect  -38, ok_enosys, bad
    mov     x8, #500
    svc     #0
    expect  -38, ok_enosys, bad
    mov     x8, #500
    svc     #0
    expect  -38, ok_enosys, bad
    mov     x0, #0
    sys     SYS_exit_group
    string  ok_enosys, "ENOSYS\n"
    string  bad, "not ENOSYS\n"
