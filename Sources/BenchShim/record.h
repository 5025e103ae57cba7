/* What the two files of bench-shim share: a growing byte buffer, the record's fields, and the
 * inputs an invocation names. */
#ifndef BENCH_SHIM_RECORD_H
#define BENCH_SHIM_RECORD_H

#include <stddef.h>

/* The most bytes of one input file, and of each output stream, that a record keeps. */
#define MAX_FILE (16 << 20)

struct buffer {
    char *data;
    size_t length, capacity;
};

/* Appends `n` bytes; out of memory, the record loses them and the compile goes on. */
void append(struct buffer *b, const void *bytes, size_t n);
/* Appends one field: `KEY LENGTH\n`, the bytes, `\n`. */
void field(struct buffer *b, const char *key, const void *bytes, size_t n);
void text_field(struct buffer *b, const char *key, const char *text);
void number_field(struct buffer *b, const char *key, long long value);
/* Whether `option` takes the next argument as an output or a target, never an input: -o, -MF, -MT, -MQ. */
int takes_path(const char *option);
/* Adds a `file` and a `bytes` field for every input the arguments name (inputs.c). */
void keep_inputs(struct buffer *record, int argc, char **argv);

#endif
