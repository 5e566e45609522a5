/*
 * Time: SIGALRM from setitimer interrupts a busy loop; alarm() + pause(); a nanosleep interrupted by SIGALRM fails
 * with EINTR and reports the time left; a periodic timer fires repeatedly; clocks move forward; a sleeping process
 * lets its child run; a ppoll with an INT_MAX-second timeout is interrupted too. Prints no absolute times.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t alarms;

static void on_alarm(int sig) {
    (void) sig;
    alarms++;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);

    struct itimerval it = {{0, 0}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    unsigned long spins = 0;
    while (!alarms) {
        spins++;
    }
    printf("busy loop interrupted by SIGALRM: %d (spun: %d)\n", (int) alarms, spins > 0);

    alarm(1);
    pause();
    printf("pause returned after alarm: %d\n", (int) alarms);

    alarm(1);
    struct timespec req = {5, 0}, rem = {0, 0};
    int r = nanosleep(&req, &rem);
    int e = errno;
    printf("nanosleep: %d %s, time left between 3 and 5 s: %d\n", r, strerror(e),
           rem.tv_sec >= 3 && rem.tv_sec < 5);
    printf("alarm cancelled, seconds left was %u\n", alarm(0) == 0);

    /* "Wait forever" as INT_MAX seconds: the deadline must not overflow simulated time. */
    alarm(1);
    struct timespec forever = {0x7fffffff, 0};
    r = ppoll(NULL, 0, &forever, NULL);
    e = errno;
    printf("ppoll with an INT_MAX-second timeout: %d %s\n", r, strerror(e));

    struct itimerval periodic = {{0, 10000}, {0, 10000}};
    int before = alarms;
    setitimer(ITIMER_REAL, &periodic, NULL);
    while (alarms < before + 3) {
        pause();
    }
    struct itimerval off = {{0, 0}, {0, 0}}, old;
    setitimer(ITIMER_REAL, &off, &old);
    printf("periodic timer fired 3 times; interval was %ld us\n", (long) old.it_interval.tv_usec);

    struct timespec m1, m2, r1;
    clock_gettime(CLOCK_MONOTONIC, &m1);
    clock_gettime(CLOCK_REALTIME, &r1);
    pid_t c = fork();
    if (c == 0) {
        printf("child runs while the parent sleeps\n");
        _exit(0);
    }
    struct timespec half = {0, 500000000};
    nanosleep(&half, NULL);
    printf("parent woke\n");
    waitpid(c, NULL, 0);
    clock_gettime(CLOCK_MONOTONIC, &m2);
    long ms = (m2.tv_sec - m1.tv_sec) * 1000 + (m2.tv_nsec - m1.tv_nsec) / 1000000;
    printf("monotonic advanced >= 500 ms: %d; realtime after 2020: %d\n", ms >= 500, r1.tv_sec > 1577836800);
    return 0;
}
