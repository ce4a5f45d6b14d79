/* iotrace: an LD_PRELOAD shim logging what a process does to the files of one folder.
 *
 * In the spirit of ALICE (Pillai et al., OSDI 2014): record every write, truncate,
 * sync, rename and unlink on the files in $IOTRACE_DIR, in order, into $IOTRACE_LOG;
 * a replayer (replay.py) then rebuilds the files as a power cut would leave them.
 *
 * Log records, one per call, in call order:
 *   "W\t<name>\t<offset>\t<length>\n" followed by <length> raw bytes  (write, pwrite)
 *   "T\t<name>\t<length>\n"                                             (ftruncate, O_TRUNC)
 *   "S\t<name>\n"                                                       (fsync, fdatasync)
 *   "S\t.\n"                                               (fsync of the traced folder)
 *   "C\t<name>\n"                                                       (open with O_CREAT)
 *   "R\t<old name>\t<new name>\n"                                       (rename)
 *   "U\t<name>\n"                                                       (unlink)
 * <name> is the file's name inside $IOTRACE_DIR. Files ending in "-shm" are left out:
 * SQLite rebuilds its shared-memory index from the WAL after a crash.
 * The traced folder's own fsync is logged (it makes created and deleted names
 * durable); other folders are not traced. Only successful calls are logged. Build: gcc -shared -fPIC -o iotrace.so iotrace.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_FDS 4096

static char *names[MAX_FDS]; /* fd -> name inside the traced folder, or NULL */
static char folder[PATH_MAX];
static size_t folder_len;
static int log_fd = -1;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real_close)(int);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_ftruncate)(int, off_t);
static int (*real_ftruncate64)(int, off_t);
static int (*real_rename)(const char *, const char *);
static int (*real_unlink)(const char *);

static void load(void) {
    if (real_write) return;
    real_pwrite = dlsym(RTLD_NEXT, "pwrite");
    real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
    real_open = dlsym(RTLD_NEXT, "open");
    real_open64 = dlsym(RTLD_NEXT, "open64");
    real_openat = dlsym(RTLD_NEXT, "openat");
    real_openat64 = dlsym(RTLD_NEXT, "openat64");
    real_close = dlsym(RTLD_NEXT, "close");
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_ftruncate = dlsym(RTLD_NEXT, "ftruncate");
    real_ftruncate64 = dlsym(RTLD_NEXT, "ftruncate64");
    real_rename = dlsym(RTLD_NEXT, "rename");
    real_unlink = dlsym(RTLD_NEXT, "unlink");
    real_write = dlsym(RTLD_NEXT, "write");
}

__attribute__((constructor)) static void start(void) {
    load();
    const char *dir = getenv("IOTRACE_DIR"), *log = getenv("IOTRACE_LOG");
    if (!dir || !log || !realpath(dir, folder)) return;
    folder_len = strlen(folder);
    log_fd = real_open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

static void emit(const void *data, size_t length) {
    const char *bytes = data;
    while (length > 0) {
        ssize_t n = real_write(log_fd, bytes, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) abort(); /* a lost record would make the replay lie */
        bytes += n;
        length -= (size_t)n;
    }
}

static void record(const char *format, ...) {
    char line[2 * PATH_MAX + 64];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(line, sizeof line, format, args);
    va_end(args);
    emit(line, (size_t)n);
}

/* The name of ``path`` inside the traced folder, or NULL (outside it, or the -shm index). */
static const char *traced(const char *path, char *resolved) {
    if (log_fd < 0 || !path) return NULL;
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (slash) {
        size_t len = (size_t)(slash - path);
        if (len >= sizeof dir) return NULL;
        memcpy(dir, path, len);
        dir[len] = 0;
        if (len == 0) strcpy(dir, "/");
    } else {
        strcpy(dir, ".");
    }
    if (!realpath(dir, resolved)) return NULL;
    if (strcmp(resolved, folder) != 0) return NULL;
    size_t blen = strlen(base);
    if (blen >= 4 && strcmp(base + blen - 4, "-shm") == 0) return NULL;
    return base;
}

/* True when ``path`` is the traced folder itself (SQLite opens it to fsync new names). */
static int is_folder(const char *path) {
    char resolved[PATH_MAX];
    return log_fd >= 0 && path && realpath(path, resolved) && strcmp(resolved, folder) == 0;
}

static int opened(int fd, const char *path, int flags) {
    /* The caller reads errno of a failed open (FileNotFoundError): keep it. */
    if (fd < 0) return fd;
    char resolved[PATH_MAX];
    if (fd >= 0 && fd < MAX_FDS && is_folder(path)) {
        pthread_mutex_lock(&lock);
        free(names[fd]);
        names[fd] = strdup("."); /* its fsync is logged as "S\t.\n" */
        pthread_mutex_unlock(&lock);
        return fd;
    }
    const char *name = traced(path, resolved);
    if (fd < 0 || fd >= MAX_FDS || !name) return fd;
    struct stat info; /* folders other than the traced one are left out */
    if (fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) return fd;
    pthread_mutex_lock(&lock);
    free(names[fd]);
    names[fd] = strdup(name);
    if (flags & O_CREAT) record("C\t%s\n", name);
    if (flags & O_TRUNC) record("T\t%s\t0\n", name);
    pthread_mutex_unlock(&lock);
    return fd;
}

static mode_t mode_of(int flags, va_list args) {
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(args, int) : 0;
}

int open(const char *path, int flags, ...) {
    load();
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_of(flags, args);
    va_end(args);
    return opened(real_open(path, flags, mode), path, flags);
}

int open64(const char *path, int flags, ...) {
    load();
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_of(flags, args);
    va_end(args);
    return opened((real_open64 ? real_open64 : real_open)(path, flags, mode), path, flags);
}

static int opened_at(int fd, int dirfd, const char *path, int flags) {
    if (path && (path[0] == '/' || dirfd == AT_FDCWD)) return opened(fd, path, flags);
    return fd; /* relative to another folder's descriptor: SQLite does not do this */
}

int openat(int dirfd, const char *path, int flags, ...) {
    load();
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_of(flags, args);
    va_end(args);
    return opened_at(real_openat(dirfd, path, flags, mode), dirfd, path, flags);
}

int openat64(int dirfd, const char *path, int flags, ...) {
    load();
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_of(flags, args);
    va_end(args);
    int fd = (real_openat64 ? real_openat64 : real_openat)(dirfd, path, flags, mode);
    return opened_at(fd, dirfd, path, flags);
}

int close(int fd) {
    load();
    if (fd >= 0 && fd < MAX_FDS && names[fd]) {
        pthread_mutex_lock(&lock);
        free(names[fd]);
        names[fd] = NULL;
        pthread_mutex_unlock(&lock);
    }
    return real_close(fd);
}

static void wrote(int fd, const void *data, ssize_t n, off_t offset) {
    if (n <= 0 || fd < 0 || fd >= MAX_FDS || !names[fd]) return;
    pthread_mutex_lock(&lock);
    record("W\t%s\t%lld\t%lld\n", names[fd], (long long)offset, (long long)n);
    emit(data, (size_t)n);
    pthread_mutex_unlock(&lock);
}

ssize_t write(int fd, const void *data, size_t count) {
    load();
    off_t offset = (fd >= 0 && fd < MAX_FDS && names[fd]) ? lseek(fd, 0, SEEK_CUR) : 0;
    ssize_t n = real_write(fd, data, count);
    wrote(fd, data, n, offset);
    return n;
}

ssize_t pwrite(int fd, const void *data, size_t count, off_t offset) {
    load();
    ssize_t n = real_pwrite(fd, data, count, offset);
    wrote(fd, data, n, offset);
    return n;
}

ssize_t pwrite64(int fd, const void *data, size_t count, off_t offset) {
    load();
    ssize_t n = (real_pwrite64 ? real_pwrite64 : real_pwrite)(fd, data, count, offset);
    wrote(fd, data, n, offset);
    return n;
}

static int synced(int fd, int result) {
    if (result == 0 && fd >= 0 && fd < MAX_FDS && names[fd]) {
        pthread_mutex_lock(&lock);
        record("S\t%s\n", names[fd]);
        pthread_mutex_unlock(&lock);
    }
    return result;
}

int fsync(int fd) {
    load();
    return synced(fd, real_fsync(fd));
}

int fdatasync(int fd) {
    load();
    return synced(fd, real_fdatasync(fd));
}

static int truncated(int fd, off_t length, int result) {
    if (result == 0 && fd >= 0 && fd < MAX_FDS && names[fd]) {
        pthread_mutex_lock(&lock);
        record("T\t%s\t%lld\n", names[fd], (long long)length);
        pthread_mutex_unlock(&lock);
    }
    return result;
}

int ftruncate(int fd, off_t length) {
    load();
    return truncated(fd, length, real_ftruncate(fd, length));
}

int ftruncate64(int fd, off_t length) {
    load();
    int (*call)(int, off_t) = real_ftruncate64 ? real_ftruncate64 : real_ftruncate;
    return truncated(fd, length, call(fd, length));
}

int rename(const char *old, const char *new) {
    load();
    char resolved_old[PATH_MAX], resolved_new[PATH_MAX];
    const char *from = traced(old, resolved_old), *to = traced(new, resolved_new);
    char from_name[PATH_MAX] = "", to_name[PATH_MAX] = "";
    if (from) snprintf(from_name, sizeof from_name, "%s", from);
    if (to) snprintf(to_name, sizeof to_name, "%s", to);
    int result = real_rename(old, new);
    if (result == 0 && (from || to)) {
        pthread_mutex_lock(&lock);
        record("R\t%s\t%s\n", from ? from_name : "-", to ? to_name : "-");
        pthread_mutex_unlock(&lock);
    }
    return result;
}

int unlink(const char *path) {
    load();
    char resolved[PATH_MAX];
    const char *name = traced(path, resolved);
    char copy[PATH_MAX] = "";
    if (name) snprintf(copy, sizeof copy, "%s", name);
    int result = real_unlink(path);
    if (result == 0 && name) {
        pthread_mutex_lock(&lock);
        record("U\t%s\n", copy);
        pthread_mutex_unlock(&lock);
    }
    return result;
}
