#ifndef CHARGELOG_CLIBZ_SHIM_H
#define CHARGELOG_CLIBZ_SHIM_H
#include <zlib.h>
/* inflateInit2 is a macro; wrap it so Swift can call it. windowBits 15+32 auto-detects gzip/zlib. */
static inline int cl_inflate_init_auto(z_stream *s) {
    return inflateInit2_(s, MAX_WBITS + 32, ZLIB_VERSION, (int)sizeof(z_stream));
}
static inline int cl_inflate_init_raw(z_stream *s) {
    return inflateInit2_(s, -MAX_WBITS, ZLIB_VERSION, (int)sizeof(z_stream));
}
#endif
