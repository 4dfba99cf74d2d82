/* The floor: the least a TLS probe can do with this OpenSSL — resolve, connect, full handshake,
 * chain verification and hostname check (optionally one HTTP GET). tlsprobe is measured against it.
 *
 *   floor [-C cafile | -P capath | default store] [-g] [-t THREADS -n COUNT] host port
 *
 * With -t/-n: one SSL_CTX (one trust store) shared by THREADS threads doing COUNT probes in all,
 * which is what a fleet run should cost. Exit 0 only if every probe verified.
 * Build: cc -O2 -o floor floor.c -lssl -lcrypto -lpthread */
#include <netdb.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static SSL_CTX *ctx;
static const char *host, *port;
static int http;
static atomic_int remaining, failures;

static int connect_tcp(void) {
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *list, *ai;
    int fd = -1;
    if (getaddrinfo(host, port, &hints, &list) != 0) return -1;
    for (ai = list; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) break;
        if (fd >= 0) close(fd);
        fd = -1;
    }
    freeaddrinfo(list);
    return fd;
}

/* One probe; returns 0 when the handshake completed and the chain and name verified. */
static int probe(void) {
    int fd = connect_tcp(), ok = -1;
    if (fd < 0) return -1;
    SSL *ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fd);
    SSL_set_tlsext_host_name(ssl, host);
    SSL_set1_host(ssl, host);
    if (SSL_connect(ssl) == 1 && SSL_get_verify_result(ssl) == X509_V_OK) {
        ok = 0;
        if (http) {
            char request[512], buffer[16384];
            int length = snprintf(request, sizeof request,
                                  "GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", host);
            ok = -1; /* success needs a response: read it whole, to the server's close */
            if (SSL_write(ssl, request, length) == length)
                while (SSL_read(ssl, buffer, sizeof buffer) > 0) ok = 0;
        }
        SSL_shutdown(ssl);
    } else {
        ERR_print_errors_fp(stderr);
    }
    SSL_free(ssl);
    close(fd);
    return ok;
}

static void *worker(void *unused) {
    (void)unused;
    while (atomic_fetch_sub(&remaining, 1) > 0)
        if (probe() != 0) atomic_fetch_add(&failures, 1);
    return NULL;
}

static int usage(void) {
    fprintf(stderr, "usage: floor [-C cafile] [-P capath] [-g] [-t threads -n count] host port\n");
    return 64;
}

int main(int argc, char **argv) {
    const char *cafile = NULL, *capath = NULL;
    int threads = 0, count = 1, opt;
    while ((opt = getopt(argc, argv, "C:P:gt:n:")) != -1) {
        switch (opt) {
        case 'C': cafile = optarg; break;
        case 'P': capath = optarg; break;
        case 'g': http = 1; break;
        case 't': threads = atoi(optarg); break;
        case 'n': count = atoi(optarg); break;
        default: return usage();
        }
    }
    if (argc - optind != 2) return usage();
    host = argv[optind];
    port = argv[optind + 1];

    ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    if (cafile || capath) {
        if (SSL_CTX_load_verify_locations(ctx, cafile, capath) != 1) { ERR_print_errors_fp(stderr); return 2; }
    } else if (SSL_CTX_set_default_verify_paths(ctx) != 1) {
        return 2;
    }
    if (http) SSL_CTX_set_alpn_protos(ctx, (const unsigned char *)"\x08http/1.1", 9);

    if (threads <= 0) return probe() == 0 ? 0 : 1;
    atomic_store(&remaining, count);
    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    for (int i = 0; i < threads; i++) pthread_create(&ids[i], NULL, worker, NULL);
    for (int i = 0; i < threads; i++) pthread_join(ids[i], NULL);
    SSL_CTX_free(ctx);
    return atomic_load(&failures) == 0 ? 0 : 1;
}
