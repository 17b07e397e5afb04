#ifndef CHARGELOG_COPENSSL_SHIM_H
#define CHARGELOG_COPENSSL_SHIM_H
/* The system's libcrypto (OpenSSL 3) for OCMF signature checks: public keys (d2i_PUBKEY), ECDSA
   signatures (ECDSA_SIG) and EVP digest-verify. Only functions that OpenSSL 3 does not deprecate. */
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#endif
