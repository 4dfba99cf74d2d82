// pthread_setname_np is a GNU extension, which Swift's Glibc module does not expose.
#define _GNU_SOURCE
#include <pthread.h>

int tlsprobe_set_current_thread_name(const char *name) { return pthread_setname_np(pthread_self(), name); }
