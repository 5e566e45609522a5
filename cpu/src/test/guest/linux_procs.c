/*
 * Processes and signals through glibc: fork with pipes and dup2 (a child writing 1 MiB through a pipe, the parent
 * checking every byte), waitpid statuses (exit codes, death by signal), a SIGCHLD handler, kill, sigprocmask and a
 * pending signal delivered on unblock, SA_RESETHAND, sigsetjmp/siglongjmp out of a SIGSEGV handler, stack overflow
 * caught on an alternate signal stack, and finally abort() (exit status 134).
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t chld_count, usr1_count;
static sigjmp_buf env;

static void on_chld(int sig) {
    (void) sig;
    chld_count++;
}

static void on_usr1(int sig) {
    (void) sig;
    usr1_count++;
}

static void on_segv(int sig, siginfo_t *si, void *uc) {
    (void) uc;
    printf("SIGSEGV %d at %p code %d\n", sig, si->si_addr, si->si_code);
    fflush(stdout);
    siglongjmp(env, 1);
}

static int depth(int n) {
    volatile char pad[512];
    pad[0] = (char) n;
    return n > 1000000000 ? pad[0] : depth(n + 1) + pad[0];
}

static void on_overflow(int sig) {
    (void) sig;
    siglongjmp(env, 2);
}

static void report(const char *what, int status) {
    if (WIFEXITED(status)) {
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    } else if (WIFSIGNALED(status)) {
        printf("%s: killed by signal %d\n", what, WTERMSIG(status));
    } else {
        printf("%s: status %#x\n", what, status);
    }
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_chld;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);

    /* a child streams 1 MiB through a pipe (dup2'd to its stdout) */
    int p[2];
    pipe(p);
    pid_t c = fork();
    if (c == 0) {
        close(p[0]);
        dup2(p[1], 1);
        close(p[1]);
        static unsigned char block[4096];
        for (int i = 0; i < 256; i++) {
            memset(block, i, sizeof block);
            if (write(1, block, sizeof block) != sizeof block) {
                _exit(9);
            }
        }
        _exit(4);
    }
    close(p[1]);
    unsigned char buf[1000];
    long total = 0, bad = 0;
    ssize_t n;
    while ((n = read(p[0], buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            bad += buf[i] != (unsigned char) ((total + i) / 4096);
        }
        total += n;
    }
    close(p[0]);
    int status;
    waitpid(c, &status, 0);
    printf("piped %ld bytes, %ld wrong\n", total, bad);
    report("writer", status);

    /* a child killed by SIGTERM, one by SIGKILL, one exiting normally */
    pid_t k1 = fork();
    if (k1 == 0) {
        for (;;) {
            pause();
        }
    }
    pid_t k2 = fork();
    if (k2 == 0) {
        for (;;) {
            pause();
        }
    }
    pid_t k3 = fork();
    if (k3 == 0) {
        _exit(42);
    }
    kill(k1, SIGTERM);
    kill(k2, SIGKILL);
    waitpid(k1, &status, 0);
    report("k1", status);
    waitpid(k2, &status, 0);
    report("k2", status);
    waitpid(k3, &status, 0);
    report("k3", status);
    errno = 0;
    printf("waitpid with no children: %d %s\n", (int) waitpid(-1, &status, 0), strerror(errno));
    printf("SIGCHLD handled: %d\n", chld_count > 0);

    /* a blocked signal stays pending until unblocked */
    sa.sa_handler = on_usr1;
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR1);
    sigset_t pend;
    sigpending(&pend);
    printf("pending while blocked: %d count %d\n", sigismember(&pend, SIGUSR1), (int) usr1_count);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("after unblock count %d\n", (int) usr1_count);

    /* SA_RESETHAND: handled once, then the default action (ignored here: SIGURG) */
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGURG, &sa, NULL);
    raise(SIGURG);
    raise(SIGURG);
    printf("SA_RESETHAND count %d\n", (int) usr1_count);

    /* recover from SIGSEGV with siglongjmp */
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(env, 1) == 0) {
        *(volatile int *) 64 = 1;
        printf("not reached\n");
    } else {
        printf("recovered from SIGSEGV\n");
    }

    /* stack overflow: the handler runs on the alternate stack */
    stack_t ss = {.ss_sp = malloc(1 << 16), .ss_size = 1 << 16, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_overflow;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(env, 1) == 0) {
        printf("depth %d\n", depth(0));
    } else {
        printf("stack overflow caught on the alternate stack\n");
    }
    fflush(stdout);
    abort();
}
