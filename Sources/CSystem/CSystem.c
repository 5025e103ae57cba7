#define _GNU_SOURCE
#include "CSystem.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int bench_pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0); }

int bench_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int bench_epoll_add(int epfd, int fd, uint32_t events, uint64_t token) {
    struct epoll_event ev = {.events = events, .data.u64 = token};
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
}

int bench_epoll_modify(int epfd, int fd, uint32_t events, uint64_t token) {
    struct epoll_event ev = {.events = events, .data.u64 = token};
    return epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev);
}

int bench_epoll_remove(int epfd, int fd) { return epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL); }

int bench_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int max, int timeout_ms) {
    struct epoll_event evs[64];
    if (max > 64) max = 64;
    int n;
    do n = epoll_wait(epfd, evs, max, timeout_ms); while (n < 0 && errno == EINTR);
    for (int i = 0; i < n; i++) {
        tokens[i] = evs[i].data.u64;
        events[i] = evs[i].events;
    }
    return n;
}

const uint32_t bench_epoll_in = EPOLLIN, bench_epoll_out = EPOLLOUT, bench_epoll_hup = EPOLLHUP,
               bench_epoll_err = EPOLLERR, bench_epoll_oneshot = EPOLLONESHOT;

int bench_eventfd(void) { return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK); }

int bench_stdout_failure(void) {
    if (fflush(stdout) != 0) return errno;
    return ferror(stdout) ? EIO : 0;
}

int bench_wifexited(int status) { return WIFEXITED(status); }
int bench_wexitstatus(int status) { return WEXITSTATUS(status); }
int bench_wifsignaled(int status) { return WIFSIGNALED(status); }
int bench_wtermsig(int status) { return WTERMSIG(status); }

int bench_usable_cores(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n > 0) return n;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

int bench_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                const char *cwd, int stdin_fd, int stdout_fd, int stderr_fd, int new_session) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    int rc = posix_spawn_file_actions_init(&actions);
    if (rc) return rc;
    rc = posix_spawnattr_init(&attr);
    if (rc) { posix_spawn_file_actions_destroy(&actions); return rc; }

    /* The descriptors bench hands over are close-on-exec; dup2 onto 0-2 clears that flag. */
    if (!rc) rc = posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
    if (!rc) rc = posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
    if (!rc) rc = posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
    if (!rc && cwd) rc = posix_spawn_file_actions_addchdir_np(&actions, cwd);

    /* Its own process group, so that a timeout or an interrupt can kill the child's whole
     * tree; default dispositions, because ignored signals (SIGPIPE in Swift programs) would
     * otherwise be inherited through exec. */
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    if (!rc) rc = posix_spawnattr_setpgroup(&attr, 0);
    if (!rc) rc = posix_spawnattr_setsigdefault(&attr, &all);
    if (!rc) rc = posix_spawnattr_setsigmask(&attr, &none);
    /* A new session is also a new process group; it outlives its leader, so whatever the
     * leader started can still be found (and killed) after it died. */
    short group = new_session ? POSIX_SPAWN_SETSID : POSIX_SPAWN_SETPGROUP;
    if (!rc) rc = posix_spawnattr_setflags(&attr, group | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK |
                                                      POSIX_SPAWN_USEVFORK);
    if (!rc) rc = posix_spawnp(pid, path, &actions, &attr, argv, envp ? envp : environ);

    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    return rc;
}

char *const *bench_environ(void) { return environ; }

#include <sys/prctl.h>

int bench_die_with_parent(int sig) {
    if (prctl(PR_SET_PDEATHSIG, sig) != 0) return 0; /* not fatal: the pipe's end still stops it */
    return getppid() == 1 ? -1 : 0;
}

#include <fcntl.h>

int bench_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int bench_set_pipe_nonblocking(int fd) { return fcntl(fd, F_SETFL, O_NONBLOCK); }

int bench_open_read(const char *path) { return open(path, O_RDONLY | O_CLOEXEC); }

#include <sys/stat.h>
#ifndef STATX_MNT_ID
#define STATX_MNT_ID 0x00001000U
#endif

int bench_mount_id(int fd, uint64_t *id) {
    struct statx st;
    if (statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_MNT_ID, &st) != 0) return -1;
    if (!(st.stx_mask & STATX_MNT_ID)) return -1;
    *id = st.stx_mnt_id;
    return 0;
}

#include <sys/signalfd.h>

int bench_become_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1) == 0 ? 0 : -1; }

int bench_signalfd(const sigset_t *mask) { return signalfd(-1, mask, SFD_CLOEXEC); }

int bench_read_signal(int fd) {
    struct signalfd_siginfo info;
    ssize_t n;
    do n = read(fd, &info, sizeof info); while (n < 0 && errno == EINTR);
    return n == (ssize_t)sizeof info ? (int)info.ssi_signo : 0;
}

int bench_address_space_unlimited(void) {
    struct rlimit limit;
    return getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur == RLIM_INFINITY;
}
