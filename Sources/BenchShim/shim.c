/* bench-shim: stands in for a compiler while `bench record` runs a configure step.
 *
 * `bench record` copies this program under each compiler's name (cc, gcc, g++, ...) into a
 * folder of shims, next to a file NAME.real holding the real command's words, one per line:
 * the launcher's words (ccache), if any, then the compiler's absolute path. Run under such a
 * name, the shim runs that command with its own arguments, passes the compiler's output and
 * exit status through unchanged, and, when BENCH_RECORD_DIR names a folder, writes one file
 * there describing the invocation. Without BENCH_RECORD_DIR it simply becomes the compiler
 * (exec), so that a build folder that cached the shim's path (CMake does) keeps working after
 * the recording.
 *
 * It is C, and not bench, because it runs once per compile (hundreds per configure): it must
 * start in well under a millisecond. It keeps the compiler in its caller's process group, as
 * the compiler would have been, so that a build system's signals reach it.
 *
 * The record file is a list of fields, each `KEY LENGTH\n` then LENGTH bytes then `\n`; the
 * keys are read by bench's `InvocationFile` (Sources/BenchCore/Recording). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "record.h"

extern char **environ;

#define MAX_WORDS 64

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "bench-shim: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(127);
}

/* The real command's words, from NAME.real beside this program's own file. */
static int real_words(char **words) {
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 6);
    if (n <= 0) fail("cannot find its own file", strerror(errno));
    memcpy(self + n, ".real", 6);
    FILE *f = fopen(self, "r");
    if (!f) fail("cannot read the real compiler's name from", self);
    static char line[PATH_MAX];
    int count = 0;
    while (count < MAX_WORDS - 1 && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (line[0]) words[count++] = strdup(line);
    }
    fclose(f);
    if (count == 0) fail("names no compiler", self);
    words[count] = NULL;
    return count;
}

/* Copies what arrives on `from` to `to` and into `kept`; returns 0 at end of file. */
static int pass_through(int from, int to, struct buffer *kept) {
    char chunk[65536];
    ssize_t n = read(from, chunk, sizeof chunk);
    if (n < 0) return errno == EINTR || errno == EAGAIN;
    if (n == 0) return 0;
    for (ssize_t done = 0; done < n;) {
        ssize_t w = write(to, chunk + done, (size_t)(n - done));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) break; /* the reader went away: the compiler's output is still kept */
        done += w;
    }
    if (kept->length < MAX_FILE) append(kept, chunk, (size_t)n);
    return 1;
}

/* The compiler, once started: the signals a build system sends the shim are its. */
static volatile sig_atomic_t compiler = 0;

static void forward(int sig) {
    if (compiler > 0) kill((pid_t)compiler, sig);
}

/* The shim's own signals: SIGCHLD at its default (an inherited "ignore" would make wait4 fail),
 * SIGPIPE ignored (a reader gone must not kill the shim before the compiler), and TERM, INT,
 * HUP and QUIT forwarded to the compiler, which `attr` gives back the default dispositions. */
static void take_signals(posix_spawnattr_t *attr) {
    signal(SIGCHLD, SIG_DFL);
    sigset_t defaults;
    sigemptyset(&defaults);
    if (signal(SIGPIPE, SIG_IGN) == SIG_DFL) sigaddset(&defaults, SIGPIPE);
    const int forwarded[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT};
    for (int i = 0; i < 4; i++) {
        struct sigaction old, act = {0};
        act.sa_handler = forward;
        sigemptyset(&act.sa_mask);
        sigaction(forwarded[i], &act, &old);
        if (old.sa_handler == SIG_IGN) sigaction(forwarded[i], &old, NULL); /* ignored stays ignored, for both */
    }
    posix_spawnattr_init(attr);
    posix_spawnattr_setsigdefault(attr, &defaults);
    posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSIGDEF);
}

/* For a compiler that reads its source from standard input (`cc -E -dM -`, as Meson asks): its
 * input, read whole, kept as a `stdin` field (up to MAX_FILE bytes), and given to the compiler in a memory file, as
 * readable as the pipe it came from; -1 for any other. */
static int kept_stdin(int argc, char **argv, struct buffer *record) {
    int reads = 0;
    for (int i = 1; i < argc; i++) {
        if (takes_path(argv[i])) i++; /* `-o -` writes to stdout; it reads nothing */
        else reads |= strcmp(argv[i], "-") == 0;
    }
    if (!reads || isatty(0)) return -1;
    struct buffer input = {0};
    char chunk[65536];
    ssize_t n;
    while ((n = read(0, chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0) append(&input, chunk, (size_t)n);
    int fd = memfd_create("bench-shim-stdin", MFD_CLOEXEC);
    if (fd < 0) fail("cannot keep standard input", strerror(errno));
    for (size_t done = 0; done < input.length;) {
        ssize_t w = write(fd, input.data + done, input.length - done);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) fail("cannot keep standard input", strerror(errno));
        done += (size_t)w;
    }
    lseek(fd, 0, SEEK_SET);
    if (input.length <= MAX_FILE) field(record, "stdin", input.data ? input.data : "", input.length);
    free(input.data);
    return fd;
}

/* Runs `words` + argv[1...] with stdout and stderr passed through (and kept, unless a terminal),
 * filling `record`; returns the wait status. */
static int run(char **words, int count, int argc, char **argv, struct buffer *record) {
    char **child = calloc((size_t)(count + argc), sizeof *child);
    for (int i = 0; i < count; i++) child[i] = words[i];
    for (int i = 1; i < argc; i++) child[count + i - 1] = argv[i];
    int pipes[2][2] = {{-1, -1}, {-1, -1}};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    int input = kept_stdin(argc, argv, record);
    if (input >= 0) posix_spawn_file_actions_adddup2(&actions, input, 0);
    /* stdout and stderr that are one file (`2>&1`, ninja's one pipe) stay one stream, in order. */
    struct stat out, err;
    int merged = fstat(1, &out) == 0 && fstat(2, &err) == 0 && out.st_dev == err.st_dev && out.st_ino == err.st_ino;
    for (int s = merged; s < 2; s++) {
        if (isatty(s + 1) || pipe2(pipes[s], O_CLOEXEC) != 0) continue;
        posix_spawn_file_actions_adddup2(&actions, pipes[s][1], s + 1);
        if (merged) posix_spawn_file_actions_adddup2(&actions, pipes[s][1], 1);
    }
    posix_spawnattr_t attr;
    take_signals(&attr);
    pid_t pid;
    long long start = now_ns();
    int rc = posix_spawn(&pid, words[0], &actions, &attr, child, environ);
    if (rc != 0) fail(strerror(rc), words[0]);
    compiler = pid;
    struct buffer kept[2] = {{0}, {0}};
    struct pollfd fds[2];
    for (int s = 0; s < 2; s++) {
        if (pipes[s][1] >= 0) close(pipes[s][1]);
        fds[s].fd = pipes[s][0];
        fds[s].events = POLLIN;
    }
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int s = 0; s < 2; s++)
            if (fds[s].fd >= 0 && fds[s].revents && !pass_through(fds[s].fd, s + 1, &kept[s])) {
                close(fds[s].fd);
                fds[s].fd = -1;
            }
    }
    int status = 0;
    struct rusage usage = {0};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {}
    long long end = now_ns();
    number_field(record, "start_ns", start);
    number_field(record, "end_ns", end);
    number_field(record, "user_us", (long long)usage.ru_utime.tv_sec * 1000000 + usage.ru_utime.tv_usec);
    number_field(record, "sys_us", (long long)usage.ru_stime.tv_sec * 1000000 + usage.ru_stime.tv_usec);
    if (WIFEXITED(status)) number_field(record, "exit", WEXITSTATUS(status));
    if (WIFSIGNALED(status)) number_field(record, "signal", WTERMSIG(status));
    const char *names[2] = {"stdout", "stderr"};
    for (int s = 0; s < 2; s++) {
        if (pipes[s][0] < 0) continue;
        field(record, names[s], kept[s].data ? kept[s].data : "", kept[s].length);
        free(kept[s].data);
    }
    return status;
}

/* Writes `record` into BENCH_RECORD_DIR as a file of its own, renamed into place when whole. */
static void save(const char *folder, struct buffer *record) {
    char temporary[PATH_MAX + 16], final[PATH_MAX];
    snprintf(final, sizeof final, "%s/%ld-%lld.invocation", folder, (long)getpid(), now_ns());
    snprintf(temporary, sizeof temporary, "%s.partial", final);
    int fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return; /* the recording is gone (bench stopped): the compile still counts */
    size_t done = 0;
    while (done < record->length) {
        ssize_t w = write(fd, record->data + done, record->length - done);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) break;
        done += (size_t)w;
    }
    /* A record cut short (a full disk) is left as `.partial`, which bench counts as lost. */
    if (close(fd) == 0 && done == record->length) rename(temporary, final);
}

int main(int argc, char **argv) {
    char *words[MAX_WORDS];
    int count = real_words(words);
    const char *folder = getenv("BENCH_RECORD_DIR");
    if (!folder || !folder[0]) {
        char **child = calloc((size_t)(count + argc), sizeof *child);
        for (int i = 0; i < count; i++) child[i] = words[i];
        for (int i = 1; i < argc; i++) child[count + i - 1] = argv[i];
        execv(words[0], child);
        fail(strerror(errno), words[0]);
    }
    struct buffer record = {0};
    text_field(&record, "version", "1");
    number_field(&record, "pid", getpid());
    number_field(&record, "ppid", getppid());
    for (int i = 0; i < argc; i++) text_field(&record, "argv", argv[i]);
    for (int i = 0; i < count; i++) text_field(&record, "real", words[i]);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd)) text_field(&record, "cwd", cwd);
    for (char **e = environ; *e; e++) text_field(&record, "env", *e);
    keep_inputs(&record, argc, argv);
    int status = run(words, count, argc, argv, &record);
    save(folder, &record);
    if (WIFSIGNALED(status)) {
        /* Die of the compiler's signal, as the caller would have seen the compiler die. */
        sigset_t one;
        sigemptyset(&one);
        sigaddset(&one, WTERMSIG(status));
        signal(WTERMSIG(status), SIG_DFL);
        sigprocmask(SIG_UNBLOCK, &one, NULL);
        raise(WTERMSIG(status));
        return 128 + WTERMSIG(status);
    }
    return WEXITSTATUS(status);
}
