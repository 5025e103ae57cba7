/* The inputs a compiler invocation names, kept in its record so that a replay can run it in a
 * private copy of its directory: sources, their quoted includes, response files, objects. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "record.h"

void append(struct buffer *b, const void *bytes, size_t n) {
    if (b->length + n > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 4096;
        while (capacity < b->length + n) capacity *= 2;
        char *data = realloc(b->data, capacity);
        if (!data) return; /* out of memory: the record loses bytes, the compile does not */
        b->data = data;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, bytes, n);
    b->length += n;
}

void field(struct buffer *b, const char *key, const void *bytes, size_t n) {
    char head[64];
    int h = snprintf(head, sizeof head, "%s %zu\n", key, n);
    append(b, head, (size_t)h);
    append(b, bytes, n);
    append(b, "\n", 1);
}

void text_field(struct buffer *b, const char *key, const char *text) { field(b, key, text, strlen(text)); }

void number_field(struct buffer *b, const char *key, long long value) {
    char text[32];
    snprintf(text, sizeof text, "%lld", value);
    text_field(b, key, text);
}

/* Whether `word` names a source file worth keeping: one with a compiler's source extension. */
static int is_source(const char *word) {
    static const char *const ends[] = {".c", ".h", ".cc", ".cp", ".cpp", ".cxx", ".c++", ".C", ".hh", ".hpp", ".i",
                                       ".ii", ".m", ".mm", ".f", ".F", ".for", ".ftn", ".f77", ".f90", ".F90", ".f95",
                                       ".F95", ".f03", ".F03", ".f08", ".F08", ".s", ".S", ".sx", NULL};
    const char *dot = strrchr(word, '.');
    if (!dot || strchr(dot, '/')) return 0;
    for (int i = 0; ends[i]; i++)
        if (strcmp(dot, ends[i]) == 0) return 1;
    return 0;
}

static void keep_file(struct buffer *record, const char *path, int depth);

/* Keeps the files `source` (at `path`) includes with quotes (`#include "conftest.h"`) that
 * exist beside it: a configure check's own headers, which no argument names. */
static void keep_included(struct buffer *record, const char *path, const struct buffer *source, int depth) {
    const char *slash = strrchr(path, '/');
    int folder = slash ? (int)(slash - path + 1) : 0;
    for (size_t i = 0; i < source->length; i++) {
        if (source->data[i] != '#' || (i > 0 && source->data[i - 1] != '\n')) continue;
        size_t j = i + 1;
        while (j < source->length && (source->data[j] == ' ' || source->data[j] == '\t')) j++;
        if (j + 8 >= source->length || memcmp(source->data + j, "include", 7) != 0) continue;
        j += 7;
        while (j < source->length && (source->data[j] == ' ' || source->data[j] == '\t')) j++;
        if (j >= source->length || source->data[j] != '"') continue;
        const char *start = source->data + j + 1;
        const char *end = memchr(start, '"', source->length - (size_t)(start - source->data));
        if (!end || end - start > 255 || memchr(start, '\n', (size_t)(end - start))) continue;
        char included[PATH_MAX];
        int prefix = start[0] == '/' ? 0 : folder;
        snprintf(included, sizeof included, "%.*s%.*s", prefix, path, (int)(end - start), start);
        keep_file(record, included, depth + 1);
    }
}

/* Keeps `path`'s bytes as a `file` field when it is a regular file of at most MAX_FILE bytes,
 * and, for a source, what it includes with quotes, three levels deep. */
static void keep_file(struct buffer *record, const char *path, int depth) {
    struct stat s;
    if (depth > 3 || stat(path, &s) != 0 || !S_ISREG(s.st_mode) || s.st_size > MAX_FILE) return;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct buffer bytes = {0};
    char chunk[65536];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0) append(&bytes, chunk, (size_t)n);
    close(fd);
    text_field(record, "file", path);
    field(record, "bytes", bytes.data ? bytes.data : "", bytes.length);
    if (is_source(path)) keep_included(record, path, &bytes, depth);
    free(bytes.data);
}

int takes_path(const char *option) {
    return strcmp(option, "-o") == 0 || strcmp(option, "-MF") == 0 || strcmp(option, "-MT") == 0 || strcmp(option, "-MQ") == 0;
}

/* Keeps the files of a relative include folder (`-Iconftestd1`): the headers a configure check
 * made for itself beside its source, at most 64 of them. */
static void keep_folder(struct buffer *record, const char *folder) {
    if (strcmp(folder, ".") == 0 || strncmp(folder, "..", 2) == 0) return; /* the whole build folder: never */
    DIR *d = opendir(folder);
    if (!d) return;
    struct dirent *e;
    for (int kept = 0; kept < 64 && (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
        keep_file(record, path, 3);
        kept++;
    }
    closedir(d);
}

/* Keeps every input the arguments name: sources by extension, relative paths of any kind (an
 * object file a link step reads), response files (@file), -include/-imacros headers and the
 * files of relative -I folders; never the output (-o) or a dependency file (-MF). */
void keep_inputs(struct buffer *record, int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (takes_path(a)) {
            i++;
        } else if ((strcmp(a, "-include") == 0 || strcmp(a, "-imacros") == 0) && i + 1 < argc) {
            keep_file(record, argv[++i], 0);
        } else if (strcmp(a, "-I") == 0 && i + 1 < argc) {
            if (argv[++i][0] != '/') keep_folder(record, argv[i]);
        } else if (strncmp(a, "-I", 2) == 0 && a[2] != '/') {
            keep_folder(record, a + 2);
        } else if (a[0] == '@') {
            keep_file(record, a + 1, 0);
        } else if (a[0] != '-' && (is_source(a) || a[0] != '/')) {
            keep_file(record, a, 0);
        }
    }
}

