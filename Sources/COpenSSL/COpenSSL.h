#ifndef TLSPROBE_COPENSSL_H
#define TLSPROBE_COPENSSL_H
// Hide every API deprecated in OpenSSL 3.0 from Swift: tlsprobe targets 3.x only.
#define OPENSSL_API_COMPAT 30000
#define OPENSSL_NO_DEPRECATED 1
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/rand.h>
#include <openssl/ocsp.h>
#include <openssl/pkcs12.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/crypto.h>
#include <openssl/opensslv.h>
#endif
