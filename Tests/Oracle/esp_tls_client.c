/*
 * esp_tls_client.c — the test oracle for `--client esp-idf@4.4`: one TLS client handshake on
 * Debian's Mbed TLS 2.28 (the Mbed TLS ESP-IDF v4.4 ships), configured the way esp-tls
 * configures it (components/esp-tls/esp_tls_mbedtls.c, ESP-IDF v4.4.8, set_client_config):
 *   mbedtls_ssl_config_defaults(CLIENT, STREAM, PRESET_DEFAULT), renegotiation enabled,
 *   mbedtls_ssl_set_hostname(host) (SNI and the name to verify), authmode REQUIRED,
 *   mbedtls_ssl_conf_ca_chain(CA file), TCP connected by esp-tls itself (not mbedtls_net_connect).
 *
 * Written for tlsprobe's tests (our own code). Compiled at test time:
 *   cc -O1 -o esp_tls_client esp_tls_client.c -lmbedtls -lmbedx509 -lmbedcrypto
 * Usage: esp_tls_client CONNECT_ADDR PORT SNI_HOST|- CA_FILE [TIMEOUT_MS]
 * Prints one line of key=value pairs:
 *   outcome=connected|failed|tcp_failed|timeout ret=-0xNNNN flags=0xNNNNNNNN
 *   peer_cert=yes|no version=... suite=...
 * `flags` is mbedtls_ssl_get_verify_result() after the handshake, which is what esp-tls v4.4
 * logs ("Failed to verify peer certificate!"); `peer_cert` says whether mbedtls_ssl_get_peer_cert()
 * returns a certificate, the condition esp-tls v5.5 puts in front of reading the flags.
 *
 * What is compile-time in Debian's build and cannot be set at run time (checked against
 * /usr/include/mbedtls/config.h of libmbedtls-dev 2.28.3):
 *   - MBEDTLS_SSL_IN_CONTENT_LEN is not defined, so it is MBEDTLS_SSL_MAX_CONTENT_LEN = 16384:
 *     the same 16 KB input buffer as ESP-IDF's default CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN.
 *     (The max_fragment_length extension only asks the server for smaller records; esp-tls does
 *     not use it.) A smaller device buffer cannot be reproduced with this library.
 *   - MBEDTLS_HAVE_TIME_DATE is defined (ESP-IDF v4.4 default: n, CONFIG_MBEDTLS_HAVE_TIME_DATE).
 *     Emulated at run time: the verify callback clears BADCERT_EXPIRED/BADCERT_FUTURE, which is
 *     what the device's flags are without date checks.
 *   - ChaCha20, Camellia, DES/3DES, ARC4, PSK and X448 are compiled in (ESP-IDF v4.4 defaults:
 *     off; esp_config.h undefines X448). Emulated at run time with mbedtls_ssl_conf_ciphersuites
 *     and mbedtls_ssl_conf_curves.
 *   - TLS 1.0 and 1.1 are compiled in, as in ESP-IDF v4.4 (CONFIG_MBEDTLS_SSL_PROTO_TLS1 and
 *     _TLS1_1 default y); the preset's minimum is TLS 1.0, as on the device.
 *   - Bignum is software only: MBEDTLS_MPI_MAX_SIZE 1024 bytes (8192-bit RSA works). The ESP32's
 *     4096-bit hardware limit cannot be reproduced here; compare with a chip that falls back to
 *     software (esp32c3).
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

/* ESP-IDF v4.4 compiles these out (components/mbedtls/Kconfig v4.4.8: CONFIG_MBEDTLS_CHACHAPOLY_C,
 * _CAMELLIA_C, _DES_C default n, RC4 disabled, PSK modes off, ECJPAKE off). */
static int esp_idf_44_has_suite(const char *name) {
    static const char *const compiled_out[] = {"CHACHA20", "CAMELLIA", "3DES", "DES-", "RC4", "NULL", "PSK", "ECJPAKE", NULL};
    for (int i = 0; compiled_out[i]; i++)
        if (strstr(name, compiled_out[i])) return 0;
    return 1;
}

/* Dates are not checked on the device (CONFIG_MBEDTLS_HAVE_TIME_DATE=n). */
static int without_dates(void *unused, mbedtls_x509_crt *crt, int depth, uint32_t *flags) {
    (void)unused; (void)crt; (void)depth;
    *flags &= ~(uint32_t)(MBEDTLS_X509_BADCERT_EXPIRED | MBEDTLS_X509_BADCERT_FUTURE);
    return 0;
}

/* esp-tls connects the socket itself (esp_tls.c tcp_connect, non-blocking connect + select). */
static int tcp_connect(const char *addr, const char *port, int timeout_ms, int *error) {
    struct addrinfo hints = {0}, *list = NULL;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST;
    if (getaddrinfo(addr, port, &hints, &list) != 0 || !list) { *error = EINVAL; return -1; }
    int fd = socket(list->ai_family, SOCK_STREAM, 0);
    if (fd < 0) { *error = errno; freeaddrinfo(list); return -1; }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    int rc = connect(fd, list->ai_addr, list->ai_addrlen);
    freeaddrinfo(list);
    if (rc != 0 && errno != EINPROGRESS) { *error = errno; close(fd); return -1; }
    if (rc != 0) {
        struct pollfd p = {fd, POLLOUT, 0};
        if (poll(&p, 1, timeout_ms) <= 0) { *error = ETIMEDOUT; close(fd); return -1; }
        int so_error = 0; socklen_t len = sizeof so_error;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len);
        if (so_error) { *error = so_error; close(fd); return -1; }
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: %s CONNECT_ADDR PORT SNI_HOST|- CA_FILE [TIMEOUT_MS]\n", argv[0]);
        return 2;
    }
    const char *addr = argv[1], *port = argv[2], *host = argv[3], *ca_file = argv[4];
    int timeout_ms = argc > 5 ? atoi(argv[5]) : 4000;
    /* lwIP has no SIGPIPE: a write to a closed socket is an error (EPIPE), as here. */
    signal(SIGPIPE, SIG_IGN);

    mbedtls_entropy_context entropy; mbedtls_ctr_drbg_context drbg;
    mbedtls_ssl_context ssl; mbedtls_ssl_config conf; mbedtls_x509_crt ca;
    mbedtls_net_context net;
    mbedtls_entropy_init(&entropy); mbedtls_ctr_drbg_init(&drbg);
    mbedtls_ssl_init(&ssl); mbedtls_ssl_config_init(&conf); mbedtls_x509_crt_init(&ca);
    mbedtls_net_init(&net);

    int ret = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, (const unsigned char *)"esp", 3);
    if (ret == 0) ret = mbedtls_x509_crt_parse_file(&ca, ca_file);
    if (ret != 0) { printf("outcome=setup_failed ret=-0x%04X\n", (unsigned)-ret); return 1; }

    mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    mbedtls_ssl_conf_rng(&conf, mbedtls_ctr_drbg_random, &drbg);
    mbedtls_ssl_conf_renegotiation(&conf, MBEDTLS_SSL_RENEGOTIATION_ENABLED);
    mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&conf, &ca, NULL);
    mbedtls_ssl_conf_verify(&conf, without_dates, NULL);
    mbedtls_ssl_conf_read_timeout(&conf, (uint32_t)timeout_ms);

    /* The suites ESP-IDF v4.4 compiles in, in Mbed TLS 2.28's own preference order. */
    static int suites[256];
    int n = 0;
    for (const int *id = mbedtls_ssl_list_ciphersuites(); *id && n < 255; id++)
        if (esp_idf_44_has_suite(mbedtls_ssl_get_ciphersuite_name(*id))) suites[n++] = *id;
    suites[n] = 0;
    mbedtls_ssl_conf_ciphersuites(&conf, suites);

    /* ESP-IDF v4.4's curves: every curve Mbed TLS 2.28 has except X448 (esp_config.h undefines
     * MBEDTLS_ECP_DP_CURVE448_ENABLED), in ecp.c's preference order. */
    static const mbedtls_ecp_group_id curves[] = {
        MBEDTLS_ECP_DP_SECP521R1, MBEDTLS_ECP_DP_BP512R1, MBEDTLS_ECP_DP_SECP384R1, MBEDTLS_ECP_DP_BP384R1,
        MBEDTLS_ECP_DP_SECP256R1, MBEDTLS_ECP_DP_SECP256K1, MBEDTLS_ECP_DP_BP256R1, MBEDTLS_ECP_DP_SECP224R1,
        MBEDTLS_ECP_DP_SECP224K1, MBEDTLS_ECP_DP_SECP192R1, MBEDTLS_ECP_DP_SECP192K1, MBEDTLS_ECP_DP_CURVE25519,
        MBEDTLS_ECP_DP_NONE};
    mbedtls_ssl_conf_curves(&conf, curves);

    mbedtls_ssl_setup(&ssl, &conf);
    if (strcmp(host, "-") != 0) mbedtls_ssl_set_hostname(&ssl, host);

    int error = 0;
    net.fd = tcp_connect(addr, port, timeout_ms, &error);
    if (net.fd < 0) { printf("outcome=tcp_failed errno=%d (%s)\n", error, strerror(error)); return 1; }
    mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, NULL, mbedtls_net_recv_timeout);

    do { ret = mbedtls_ssl_handshake(&ssl); } while (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE);

    uint32_t flags = mbedtls_ssl_get_verify_result(&ssl);
    const char *peer = mbedtls_ssl_get_peer_cert(&ssl) ? "yes" : "no";
    char text[160] = "";
    if (ret != 0) mbedtls_strerror(ret, text, sizeof text);
    if (ret == 0)
        printf("outcome=connected ret=0 flags=0x%08X peer_cert=%s version=%s suite=%s\n", (unsigned)flags, peer,
               mbedtls_ssl_get_version(&ssl), mbedtls_ssl_get_ciphersuite(&ssl));
    else
        printf("outcome=%s ret=-0x%04X flags=0x%08X peer_cert=%s text=%s\n",
               ret == MBEDTLS_ERR_SSL_TIMEOUT ? "timeout" : "failed", (unsigned)-ret, (unsigned)flags, peer, text);
    if (ret == 0) mbedtls_ssl_close_notify(&ssl);
    mbedtls_net_free(&net);
    mbedtls_ssl_free(&ssl); mbedtls_ssl_config_free(&conf); mbedtls_x509_crt_free(&ca);
    mbedtls_ctr_drbg_free(&drbg); mbedtls_entropy_free(&entropy);
    return ret == 0 ? 0 : 1;
}
