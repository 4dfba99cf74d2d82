#include "CTLSProbeShims.h"

int tlsprobe_SSL_set_tlsext_host_name(SSL *ssl, const char *name) { return (int)SSL_set_tlsext_host_name(ssl, name); }
int tlsprobe_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_min_proto_version(ctx, version); }
int tlsprobe_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_max_proto_version(ctx, version); }
int tlsprobe_SSL_set_min_proto_version(SSL *ssl, int version) { return (int)SSL_set_min_proto_version(ssl, version); }
int tlsprobe_SSL_set_max_proto_version(SSL *ssl, int version) { return (int)SSL_set_max_proto_version(ssl, version); }
int tlsprobe_SSL_set1_groups_list(SSL *ssl, const char *list) { return (int)SSL_set1_groups_list(ssl, list); }
int tlsprobe_SSL_CTX_set1_groups_list(SSL_CTX *ctx, const char *list) { return (int)SSL_CTX_set1_groups_list(ctx, list); }
int tlsprobe_SSL_CTX_set1_sigalgs_list(SSL_CTX *ctx, const char *list) { return (int)SSL_CTX_set1_sigalgs_list(ctx, list); }
int tlsprobe_SSL_set1_sigalgs_list(SSL *ssl, const char *list) { return (int)SSL_set1_sigalgs_list(ssl, list); }
int tlsprobe_SSL_get_negotiated_group(SSL *ssl) { return (int)SSL_get_negotiated_group(ssl); }
int tlsprobe_SSL_get_peer_tmp_key(SSL *ssl, EVP_PKEY **key) { return (int)SSL_get_peer_tmp_key(ssl, key); }
int tlsprobe_SSL_get_peer_signature_nid(SSL *ssl, int *nid) { return (int)SSL_get_peer_signature_nid(ssl, nid); }
long tlsprobe_SSL_set_tlsext_status_type(SSL *ssl, int type) { return SSL_set_tlsext_status_type(ssl, type); }
long tlsprobe_SSL_get_tlsext_status_ocsp_resp(SSL *ssl, const unsigned char **resp) { return SSL_get_tlsext_status_ocsp_resp(ssl, resp); }
void tlsprobe_SSL_set_msg_callback_arg(SSL *ssl, void *arg) { SSL_set_msg_callback_arg(ssl, arg); }
long tlsprobe_SSL_CTX_set_max_cert_list(SSL_CTX *ctx, long size) { return SSL_CTX_set_max_cert_list(ctx, size); }
long tlsprobe_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }
long tlsprobe_SSL_CTX_set_tlsext_servername_callback(SSL_CTX *ctx, int (*cb)(SSL *, int *, void *)) { return SSL_CTX_set_tlsext_servername_callback(ctx, cb); }
long tlsprobe_SSL_CTX_set_tlsext_servername_arg(SSL_CTX *ctx, void *arg) { return SSL_CTX_set_tlsext_servername_arg(ctx, arg); }
long tlsprobe_SSL_CTX_add1_chain_cert(SSL_CTX *ctx, X509 *cert) { return SSL_CTX_add1_chain_cert(ctx, cert); }
long tlsprobe_SSL_CTX_set_dh_auto(SSL_CTX *ctx, long onoff) { return SSL_CTX_set_dh_auto(ctx, onoff); }
int tlsprobe_SSL_get_ex_new_index(void) { return SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL); }
int tlsprobe_SSL_CTX_get_ex_new_index(void) { return SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL, NULL); }

long tlsprobe_BIO_set_mem_eof_return(BIO *bio, long value) { return BIO_set_mem_eof_return(bio, value); }
long tlsprobe_BIO_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }
size_t tlsprobe_BIO_pending(BIO *bio) { return BIO_ctrl_pending(bio); }

int tlsprobe_sk_X509_num(const STACK_OF(X509) *stack) { return sk_X509_num(stack); }
X509 *tlsprobe_sk_X509_value(const STACK_OF(X509) *stack, int index) { return sk_X509_value(stack, index); }
STACK_OF(X509) *tlsprobe_sk_X509_new_null(void) { return sk_X509_new_null(); }
int tlsprobe_sk_X509_push(STACK_OF(X509) *stack, X509 *cert) { return sk_X509_push(stack, cert); }
void tlsprobe_sk_X509_pop_free(STACK_OF(X509) *stack) { sk_X509_pop_free(stack, X509_free); }
int tlsprobe_sk_X509_NAME_num(const STACK_OF(X509_NAME) *stack) { return sk_X509_NAME_num(stack); }
X509_NAME *tlsprobe_sk_X509_NAME_value(const STACK_OF(X509_NAME) *stack, int index) { return sk_X509_NAME_value(stack, index); }
STACK_OF(X509_NAME) *tlsprobe_sk_X509_NAME_new_null(void) { return sk_X509_NAME_new_null(); }
int tlsprobe_sk_X509_NAME_push(STACK_OF(X509_NAME) *stack, X509_NAME *name) { return sk_X509_NAME_push(stack, name); }
int tlsprobe_sk_GENERAL_NAME_num(const GENERAL_NAMES *names) { return sk_GENERAL_NAME_num(names); }
GENERAL_NAME *tlsprobe_sk_GENERAL_NAME_value(const GENERAL_NAMES *names, int index) { return sk_GENERAL_NAME_value(names, index); }
void tlsprobe_GENERAL_NAMES_free(GENERAL_NAMES *names) { GENERAL_NAMES_free(names); }
int tlsprobe_sk_ACCESS_DESCRIPTION_num(const AUTHORITY_INFO_ACCESS *aia) { return sk_ACCESS_DESCRIPTION_num(aia); }
ACCESS_DESCRIPTION *tlsprobe_sk_ACCESS_DESCRIPTION_value(const AUTHORITY_INFO_ACCESS *aia, int index) { return sk_ACCESS_DESCRIPTION_value(aia, index); }
int tlsprobe_sk_DIST_POINT_num(const CRL_DIST_POINTS *points) { return sk_DIST_POINT_num(points); }
DIST_POINT *tlsprobe_sk_DIST_POINT_value(const CRL_DIST_POINTS *points, int index) { return sk_DIST_POINT_value(points, index); }

EVP_PKEY *tlsprobe_EVP_RSA_gen(unsigned int bits) { return EVP_RSA_gen(bits); }
EVP_PKEY *tlsprobe_EVP_EC_gen(const char *curve) { return EVP_EC_gen(curve); }
EVP_PKEY *tlsprobe_EVP_PKEY_Q_keygen_named(const char *type) { return EVP_PKEY_Q_keygen(NULL, NULL, type); }

void tlsprobe_OPENSSL_free(void *pointer) { OPENSSL_free(pointer); }

unsigned long tlsprobe_XN_FLAG_RFC2253(void) { return XN_FLAG_RFC2253; }
unsigned long tlsprobe_ASN1_STRFLGS_ESC_MSB(void) { return ASN1_STRFLGS_ESC_MSB; }
