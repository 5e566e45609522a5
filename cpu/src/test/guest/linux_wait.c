/*
 * Sleeping in system calls: a blocked pipe read interrupted by a signal (EINTR without SA_RESTART, transparently
 * restarted with it), a large pipe write completed across several reads, poll and select on pipes with and without
 * timeouts, a non-blocking read (EAGAIN), EOF after the last writer closes, and rt_sigsuspend waking for a signal.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig) {
    (void) sig;
    got++;
}

static void handler(int restart) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGUSR1, &sa, NULL);
}

/* The child signals the parent, which is blocked reading, then writes a line. */
static void interrupted_read(int restart) {
    handler(restart);
    int p[2];
    pipe(p);
    pid_t parent = getpid();
    pid_t c = fork();
    if (c == 0) {
        close(p[0]);
        struct timespec t = {0, 50000000};
        nanosleep(&t, NULL);
        kill(parent, SIGUSR1);
        nanosleep(&t, NULL);
        write(p[1], "late\n", 5);
        _exit(0);
    }
    close(p[1]);
    char buf[16];
    errno = 0;
    ssize_t n = read(p[0], buf, sizeof buf);
    int e = errno;
    printf("SA_RESTART=%d: read returned %zd (%s), handler ran %d\n", restart, n, n < 0 ? strerror(e) : "data",
           (int) got);
    if (n < 0) {
        n = read(p[0], buf, sizeof buf);
        printf("  read again: %zd\n", n);
    }
    waitpid(c, NULL, 0);
    close(p[0]);
    got = 0;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    interrupted_read(0);
    interrupted_read(1);

    /* a 200000-byte write into a 64 KiB pipe: the writer sleeps until the reader drains it */
    int p[2];
    pipe(p);
    pid_t c = fork();
    if (c == 0) {
        close(p[0]);
        static char big[200000];
        memset(big, 'x', sizeof big);
        ssize_t w = write(p[1], big, sizeof big);
        _exit(w == (ssize_t) sizeof big ? 0 : 1);
    }
    close(p[1]);
    long total = 0;
    int reads = 0;
    char buf[8192];
    ssize_t n;
    while ((n = read(p[0], buf, sizeof buf)) > 0) {
        total += n;
        reads++;
    }
    int status;
    waitpid(c, &status, 0);
    printf("big write: %ld bytes read in %d+ reads, writer status %d\n", total, reads > 10, WEXITSTATUS(status));
    close(p[0]);

    /* poll and select */
    pipe(p);
    struct pollfd pf = {p[0], POLLIN, 0};
    printf("poll empty, 10 ms: %d\n", poll(&pf, 1, 10));
    write(p[1], "a", 1);
    printf("poll with data: %d revents POLLIN %d\n", poll(&pf, 1, -1), (pf.revents & POLLIN) != 0);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    struct timeval tv = {1, 0};
    printf("select with data: %d isset %d\n", select(p[0] + 1, &rs, NULL, NULL, &tv), FD_ISSET(p[0], &rs));
    read(p[0], buf, 1);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    errno = 0;
    printf("non-blocking empty read: %zd %s\n", read(p[0], buf, 1), strerror(errno));
    close(p[1]);
    pf.events = POLLIN;
    poll(&pf, 1, -1);
    printf("after last writer closed: POLLHUP %d, read %zd\n", (pf.revents & POLLHUP) != 0, read(p[0], buf, 1));
    close(p[0]);

    /* sigsuspend until a child's signal arrives */
    handler(0);
    sigset_t block, old, empty;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    pid_t parent = getpid();
    c = fork();
    if (c == 0) {
        kill(parent, SIGUSR1);
        _exit(0);
    }
    sigemptyset(&empty);
    int r = sigsuspend(&empty);
    printf("sigsuspend: %d %s, handler ran %d\n", r, strerror(errno), (int) got);
    waitpid(c, NULL, 0);
    return 0;
}
