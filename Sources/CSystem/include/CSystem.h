/* The system calls and macros bench's Swift code cannot import directly. */
#ifndef BENCH_CSYSTEM_H
#define BENCH_CSYSTEM_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/resource.h>

/* pidfd_open(2): a descriptor that becomes readable when process `pid` exits; -1 and errno on failure. */
int bench_pidfd_open(pid_t pid);

/* epoll, whose event struct is packed on x86_64 and so is not imported well by Swift. */
int bench_epoll_create(void);
int bench_epoll_add(int epfd, int fd, uint32_t events, uint64_t token);
int bench_epoll_modify(int epfd, int fd, uint32_t events, uint64_t token);
int bench_epoll_remove(int epfd, int fd);
/* Waits up to `timeout_ms` (-1: for ever); fills tokens[i] and events[i]; returns the count or -1. */
int bench_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int max, int timeout_ms);
extern const uint32_t bench_epoll_in, bench_epoll_out, bench_epoll_hup, bench_epoll_err, bench_epoll_oneshot;

/* eventfd(2), to wake an epoll loop from another thread. */
int bench_eventfd(void);

/* Flushes C's stdout (Lua's print and io.write) and says why it could not be written: 0 when all
 * of it was, the errno of the failed flush, or EIO when an earlier write failed (its reason gone).
 * Swift cannot name C's `stdout` under strict concurrency. */
int bench_stdout_failure(void);

/* The wait(2) status macros. */
int bench_wifexited(int status);
int bench_wexitstatus(int status);
int bench_wifsignaled(int status);
int bench_wtermsig(int status);

/* The number of CPUs this process may run on (sched_getaffinity), at least 1. */
int bench_usable_cores(void);

/* posix_spawnp with what bench needs on every child: stdin/stdout/stderr from the given
 * descriptors, an optional working directory, its own process group (and, with
 * `new_session`, its own session), default signal dispositions and an empty signal mask.
 * Returns 0 or an errno value. */
int bench_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                const char *cwd, int stdin_fd, int stdout_fd, int stderr_fd, int new_session);

/* prctl(PR_SET_PDEATHSIG, sig): this process gets `sig` when the thread that started it ends.
 * Returns -1 if the parent is already gone (the caller should exit), else 0. */
int bench_die_with_parent(int sig);

/* The calling process's environment, for children that inherit it unchanged. */
char *const *bench_environ(void);

#endif

#ifndef BENCH_CSYSTEM_PIPES
#define BENCH_CSYSTEM_PIPES
/* pipe2(O_CLOEXEC); 0 or -1 and errno. */
int bench_pipe(int fds[2]);
/* Sets O_NONBLOCK on a pipe end made by bench_pipe, whose other status flags are all clear, so
 * that one fcntl does it; 0 or -1. */
int bench_set_pipe_nonblocking(int fd);
/* open(path, O_RDONLY | O_CLOEXEC). */
int bench_open_read(const char *path);
#endif

#ifndef BENCH_CSYSTEM_FILES
#define BENCH_CSYSTEM_FILES
/* The id of the mount that `fd` (an open directory) lies on, from statx(STATX_MNT_ID), so that a
 * bind mount of the same file system is told apart from a plain directory. 0 and the id, or -1
 * where the kernel does not say (before Linux 5.8). */
int bench_mount_id(int fd, uint64_t *id);
#endif

#ifndef BENCH_CSYSTEM_LIFETIME
#define BENCH_CSYSTEM_LIFETIME
#include <signal.h>
/* prctl(PR_SET_CHILD_SUBREAPER): orphaned descendants become this process's children. 0 or -1. */
int bench_become_subreaper(void);
/* signalfd(2) for `mask` (which the caller has blocked), close-on-exec; the descriptor or -1. */
int bench_signalfd(const sigset_t *mask);
/* Reads one signal from a signalfd: its number, or 0 if none could be read. */
int bench_read_signal(int fd);
/* 1 when this process's address space has no limit (ulimit -v unlimited), else 0. */
int bench_address_space_unlimited(void);
#endif
