#ifndef TLSPROBE_SHIMS_H
#define TLSPROBE_SHIMS_H
// One function per OpenSSL macro that Swift cannot import. Each body is the macro and nothing
// else: logic belongs in Swift.
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <openssl/evp.h>
#include <openssl/bio.h>
#include <openssl/rsa.h>
#include <openssl/ec.h>

// SSL / SSL_CTX control macros
int tlsprobe_SSL_set_tlsext_host_name(SSL *ssl, const char *name);
int tlsprobe_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version);
int tlsprobe_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version);
int tlsprobe_SSL_set_min_proto_version(SSL *ssl, int version);
int tlsprobe_SSL_set_max_proto_version(SSL *ssl, int version);
int tlsprobe_SSL_set1_groups_list(SSL *ssl, const char *list);
int tlsprobe_SSL_CTX_set1_groups_list(SSL_CTX *ctx, const char *list);
int tlsprobe_SSL_CTX_set1_sigalgs_list(SSL_CTX *ctx, const char *list);
int tlsprobe_SSL_set1_sigalgs_list(SSL *ssl, const char *list);
int tlsprobe_SSL_get_negotiated_group(SSL *ssl);
int tlsprobe_SSL_get_peer_tmp_key(SSL *ssl, EVP_PKEY **key);
int tlsprobe_SSL_get_peer_signature_nid(SSL *ssl, int *nid);
long tlsprobe_SSL_set_tlsext_status_type(SSL *ssl, int type);
long tlsprobe_SSL_get_tlsext_status_ocsp_resp(SSL *ssl, const unsigned char **resp);
void tlsprobe_SSL_set_msg_callback_arg(SSL *ssl, void *arg);
long tlsprobe_SSL_CTX_set_max_cert_list(SSL_CTX *ctx, long size);
long tlsprobe_SSL_CTX_set_mode(SSL_CTX *ctx, long mode);
long tlsprobe_SSL_CTX_set_tlsext_servername_callback(SSL_CTX *ctx, int (*cb)(SSL *, int *, void *));
long tlsprobe_SSL_CTX_set_tlsext_servername_arg(SSL_CTX *ctx, void *arg);
long tlsprobe_SSL_CTX_add1_chain_cert(SSL_CTX *ctx, X509 *cert);
long tlsprobe_SSL_CTX_set_dh_auto(SSL_CTX *ctx, long onoff);
int tlsprobe_SSL_get_ex_new_index(void);
int tlsprobe_SSL_CTX_get_ex_new_index(void);

// BIO macros
long tlsprobe_BIO_set_mem_eof_return(BIO *bio, long value);
long tlsprobe_BIO_get_mem_data(BIO *bio, char **data);
size_t tlsprobe_BIO_pending(BIO *bio);

// Stack macros (the sk_TYPE_* family is all macros)
int tlsprobe_sk_X509_num(const STACK_OF(X509) *stack);
X509 *tlsprobe_sk_X509_value(const STACK_OF(X509) *stack, int index);
STACK_OF(X509) *tlsprobe_sk_X509_new_null(void);
int tlsprobe_sk_X509_push(STACK_OF(X509) *stack, X509 *cert);
void tlsprobe_sk_X509_pop_free(STACK_OF(X509) *stack);
int tlsprobe_sk_X509_NAME_num(const STACK_OF(X509_NAME) *stack);
X509_NAME *tlsprobe_sk_X509_NAME_value(const STACK_OF(X509_NAME) *stack, int index);
STACK_OF(X509_NAME) *tlsprobe_sk_X509_NAME_new_null(void);
int tlsprobe_sk_X509_NAME_push(STACK_OF(X509_NAME) *stack, X509_NAME *name);
int tlsprobe_sk_GENERAL_NAME_num(const GENERAL_NAMES *names);
GENERAL_NAME *tlsprobe_sk_GENERAL_NAME_value(const GENERAL_NAMES *names, int index);
void tlsprobe_GENERAL_NAMES_free(GENERAL_NAMES *names);
int tlsprobe_sk_ACCESS_DESCRIPTION_num(const AUTHORITY_INFO_ACCESS *aia);
ACCESS_DESCRIPTION *tlsprobe_sk_ACCESS_DESCRIPTION_value(const AUTHORITY_INFO_ACCESS *aia, int index);
int tlsprobe_sk_DIST_POINT_num(const CRL_DIST_POINTS *points);
DIST_POINT *tlsprobe_sk_DIST_POINT_value(const CRL_DIST_POINTS *points, int index);

// Key generation macros (EVP_PKEY_Q_keygen is variadic)
EVP_PKEY *tlsprobe_EVP_RSA_gen(unsigned int bits);
EVP_PKEY *tlsprobe_EVP_EC_gen(const char *curve);
EVP_PKEY *tlsprobe_EVP_PKEY_Q_keygen_named(const char *type);

void tlsprobe_OPENSSL_free(void *pointer);

// Composite flag macros
unsigned long tlsprobe_XN_FLAG_RFC2253(void);
unsigned long tlsprobe_ASN1_STRFLGS_ESC_MSB(void);

// Names the calling thread (thread_name.c); names show in top -H and debuggers. No <pthread.h>
// here: this module would then own timespec & co., which Swift code takes from Glibc.
int tlsprobe_set_current_thread_name(const char *name);

#endif
