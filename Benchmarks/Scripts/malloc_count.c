// Counts a process's calls to malloc, calloc, realloc, posix_memalign and aligned_alloc
// and prints "malloc calls: N" to stderr at exit. Loaded with LD_PRELOAD by
// bench_smoke.sh to check that the solver's iterations allocate nothing: (almost) the
// same count after 10 and after 30 iterations. glibc only (its __libc_* entry points),
// which is what capsim runs on.
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static atomic_long calls;

void *malloc(size_t size) {
    atomic_fetch_add(&calls, 1);
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    atomic_fetch_add(&calls, 1);
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    atomic_fetch_add(&calls, 1);
    return __libc_realloc(pointer, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    atomic_fetch_add(&calls, 1);
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *out = pointer;
    return 0;
}

void *aligned_alloc(size_t alignment, size_t size) {
    atomic_fetch_add(&calls, 1);
    return __libc_memalign(alignment, size);
}

__attribute__((destructor)) static void report(void) {
    fprintf(stderr, "malloc calls: %ld\n", (long)atomic_load(&calls));
}
