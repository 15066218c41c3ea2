/*
 * Comity — the native part of ledger verification (docs/ledger.md, "Verifying faster").
 *
 * One function, checkBatch, does for a batch of consecutive ledger entries what the JavaScript fast path of
 * src/platform/ledger/verify-range.ts does leaf by leaf, and no more: it checks that every leaf is the canonical
 * JSON of an entry whose strings need no escaping, with seq = its index, node = the log's origin and the indexed
 * columns equal to the leaf's fields; that SHA-256(0x00 ‖ leaf) is the stored leaf hash; that every details row
 * that was not erased opens the leaf's commitment (SHA-256(salt ‖ details), base64url); and it computes the
 * RFC 9162 subtree hashes the batch completes, level by level, in lowercase hex (the form they are stored in).
 *
 * It answers −1 as soon as anything differs from what it expects — a defect, or merely a spelling it does not
 * handle (an escaped string, an older details encoding, a salt of another length) — and the caller then checks
 * the batch row by row in JavaScript, which names the first bad index and the reason. It is therefore stricter
 * than the JavaScript checks, never more lenient: every batch it accepts, the row-by-row path accepts too
 * (tested: src/platform/ledger/verify-native.test.ts compares the two on valid and tampered ledgers).
 *
 * SHA-256 comes from the OpenSSL inside Node.js (its symbols are exported to addons); Node-API keeps the module
 * working across Node.js versions. Built by tools/build-native.ts at `npm ci`; without it, verification runs in
 * JavaScript only, with the same results.
 *
 * Inputs (Uint8Array, UTF-8 already validated by the caller):
 *   rec    records "leaf_hash \t action \t object_type \t object_id \t leaf", joined by "\n", in index order
 *   det    records "e \t salt \t details", joined by "\n", in index order: e = 1 for an erased row (the rest is
 *          not read), else 0, the salt in hex (32 digits) and the details' text (null columns given as empty text)
 *   origin the log's origin
 * start: the index of the first entry; n: the number of entries (rows) the batch must hold.
 * out: where the hashes go, reused from batch to batch: for level 0, 1, … while ⌊n / 2^level⌋ > 0, the
 * ⌊n / 2^level⌋ subtree hashes of that level whose leaves lie in [start, start + n), in index order, 64 hex
 * characters each. It answers the number of erased details rows when the batch passed (and `out` is filled),
 * −1 otherwise.
 * The caller guarantees that start is a multiple of the largest power of two not above n.
 */
#define NAPI_VERSION 8
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <node_api.h>
#include <openssl/sha.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const char HEX[] = "0123456789abcdef";
static const char B64U[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Two hex digits per byte value, built once (module init). */
static uint16_t HEX_PAIRS[256];

/* 32 bytes as 64 lowercase hex digits. SSE2 (every x86-64 CPU): each nibble + '0', + 39 more above 9. */
static void to_hex(const uint8_t *d, uint8_t *out) {
#if defined(__SSE2__)
  const __m128i nibble = _mm_set1_epi8(0x0f), nine = _mm_set1_epi8(9), zero = _mm_set1_epi8('0'), letters = _mm_set1_epi8('a' - '0' - 10);
  for (int i = 0; i < 32; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(d + i));
    __m128i hi = _mm_and_si128(_mm_srli_epi16(x, 4), nibble), lo = _mm_and_si128(x, nibble);
    __m128i a = _mm_unpacklo_epi8(hi, lo), b = _mm_unpackhi_epi8(hi, lo);
    a = _mm_add_epi8(_mm_add_epi8(a, zero), _mm_and_si128(_mm_cmpgt_epi8(a, nine), letters));
    b = _mm_add_epi8(_mm_add_epi8(b, zero), _mm_and_si128(_mm_cmpgt_epi8(b, nine), letters));
    _mm_storeu_si128((__m128i *)(out + 2 * i), a);
    _mm_storeu_si128((__m128i *)(out + 2 * i + 16), b);
  }
#else
  for (int i = 0; i < 32; i++) memcpy(out + 2 * i, &HEX_PAIRS[d[i]], 2);
#endif
}

/* base64url of 32 bytes, no padding: 43 characters. */
static void to_b64url(const uint8_t *d, uint8_t *out) {
  int o = 0;
  for (int i = 0; i < 30; i += 3) {
    uint32_t v = ((uint32_t)d[i] << 16) | ((uint32_t)d[i + 1] << 8) | d[i + 2];
    out[o++] = (uint8_t)B64U[(v >> 18) & 63];
    out[o++] = (uint8_t)B64U[(v >> 12) & 63];
    out[o++] = (uint8_t)B64U[(v >> 6) & 63];
    out[o++] = (uint8_t)B64U[v & 63];
  }
  uint32_t v = ((uint32_t)d[30] << 16) | ((uint32_t)d[31] << 8);
  out[o++] = (uint8_t)B64U[(v >> 18) & 63];
  out[o++] = (uint8_t)B64U[(v >> 12) & 63];
  out[o++] = (uint8_t)B64U[(v >> 6) & 63];
}

/* Hex digit values of either case (Node's Buffer hex decoding, which the row-by-row path uses for salts, accepts
 * both), built once (module init); -1 otherwise. Stored hashes are not decoded: they are compared, as text, with
 * the lowercase hex of the computed ones. */
static int8_t ANY_HEX[256];
/* base64url digits: 1 for any, 2 for those that can end the 43-digit encoding of 32 bytes (the last digit carries
 * 4 bits and 2 zero bits: AEIMQUYcgkosw048). */
static uint8_t B64U_DIGIT[256];

static void init_tables(void) {
  for (int b = 0; b < 256; b++) {
    uint8_t pair[2] = {(uint8_t)HEX[b >> 4], (uint8_t)HEX[b & 15]};
    memcpy(&HEX_PAIRS[b], pair, 2);
    int8_t v = b >= '0' && b <= '9' ? (int8_t)(b - '0') : b >= 'a' && b <= 'f' ? (int8_t)(b - 'a' + 10) : -1;
    ANY_HEX[b] = b >= 'A' && b <= 'F' ? (int8_t)(b - 'A' + 10) : v;
  }
  for (int i = 0; i < 64; i++) B64U_DIGIT[(uint8_t)B64U[i]] = (i % 4 == 0) ? 2 : 1;
}

/* The canonical base64url of 32 bytes, as the leaf's commitment must be (checked here for erased rows too). */
static int canonical_digest_b64url(const uint8_t *c) {
  int ok = 1;
  for (int i = 0; i < 42; i++) ok &= B64U_DIGIT[c[i]] != 0;
  return ok && B64U_DIGIT[c[42]] == 2;
}

/* `n` bytes from 2n hex digits of `table`; 0 when one is not a digit. */
static int from_hex(const int8_t *table, const uint8_t *h, uint8_t *out, int n) {
  int bad = 0;
  for (int i = 0; i < n; i++) {
    int hi = table[h[2 * i]], lo = table[h[2 * i + 1]];
    bad |= hi | lo;
    out[i] = (uint8_t)(hi << 4 | (lo & 15));
  }
  return bad >= 0;
}

typedef struct {
  const uint8_t *p;
  const uint8_t *end;
} cursor;

static int take(cursor *c, const char *s, size_t n) {
  if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0) return 0;
  c->p += n;
  return 1;
}

/* A literal: its length is counted by the compiler. */
#define TAKE(c, lit) take((c), (lit), sizeof(lit) - 1)

static int take_bytes(cursor *c, const uint8_t *s, size_t n) {
  if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0) return 0;
  c->p += n;
  return 1;
}

/* A JSON string's content that JSON.stringify writes as is: no '"', no '\\', no control character. */
static int plain_byte(uint8_t b) { return b != '"' && b != '\\' && b >= 0x20; }

/* The first byte in [p, end) that is not plain, or NULL. SSE2 where there is (16 bytes a step), else byte by byte. */
static const uint8_t *first_not_plain(const uint8_t *p, const uint8_t *end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1f);
  while (end - p >= 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)p);
    /* x ≤ 0x1f (unsigned) exactly when min(x, 0x1f) = x. */
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)), _mm_cmpeq_epi8(_mm_min_epu8(x, control), x));
    int bits = _mm_movemask_epi8(m);
    if (bits != 0) return p + __builtin_ctz((unsigned)bits);
    p += 16;
  }
#endif
  for (; p < end; p++)
    if (!plain_byte(*p)) return p;
  return NULL;
}

/* At least one plain byte up to (not including) `stop`, which must itself be a byte that is not plain (a tab or a
 * '"', as used here): the first byte that is not plain must be that stop. The span is returned. */
static int plain_until(cursor *c, uint8_t stop, const uint8_t **s, size_t *len) {
  const uint8_t *q = first_not_plain(c->p, c->end);
  if (q == NULL || q == c->p || *q != stop || plain_byte(stop)) return 0;
  *s = c->p;
  *len = (size_t)(q - c->p);
  c->p = q;
  return 1;
}

static int digits(const uint8_t *p, int n, int *v) {
  int x = 0;
  for (int i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return 0;
    x = x * 10 + (p[i] - '0');
  }
  *v = x;
  return 1;
}

/* YYYY-MM-DDTHH:MM:SS.mmmZ, a real instant (years 1970–9999 only: anything else goes the row-by-row way). */
static int valid_instant(const uint8_t *a) {
  int y, mo, d, h, mi, s, ms;
  if (!digits(a, 4, &y) || a[4] != '-' || !digits(a + 5, 2, &mo) || a[7] != '-' || !digits(a + 8, 2, &d) || a[10] != 'T' ||
      !digits(a + 11, 2, &h) || a[13] != ':' || !digits(a + 14, 2, &mi) || a[16] != ':' || !digits(a + 17, 2, &s) ||
      a[19] != '.' || !digits(a + 20, 3, &ms) || a[23] != 'Z')
    return 0;
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return 0;
  static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = dim[mo - 1] + (mo == 2 && leap);
  return d <= max;
}

/* The decimal spelling of an index, incremented in place (at most 2^53: 16 digits). */
typedef struct {
  char d[24];
  int len;
} decimal;

static void decimal_set(decimal *x, uint64_t v) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v > 0);
  for (int i = 0; i < n; i++) x->d[i] = tmp[n - 1 - i];
  x->len = n;
}

static void decimal_inc(decimal *x) {
  int i = x->len - 1;
  while (i >= 0 && x->d[i] == '9') x->d[i--] = '0';
  if (i >= 0) {
    x->d[i]++;
  } else {
    memmove(x->d + 1, x->d, (size_t)x->len);
    x->d[0] = '1';
    x->len++;
  }
}

static int get_bytes(napi_env env, napi_value v, const uint8_t **data, size_t *len) {
  bool is;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) return 0;
  napi_typedarray_type type;
  void *d;
  napi_value ab;
  size_t off;
  if (napi_get_typedarray_info(env, v, &type, len, &d, &ab, &off) != napi_ok || type != napi_uint8_array) return 0;
  *data = d != NULL ? (const uint8_t *)d : (const uint8_t *)"";
  return 1;
}

/* Checks the batch; on success fills `leaves` with the n leaf hashes (32 bytes each) and `stored` with where each
 * record's stored leaf hash (64 characters) is, and returns the number of erased details rows, else -1. The stored
 * leaf hashes are compared by the caller, as text, with the lowercase hex it writes of the computed ones. */
static long check_records(const uint8_t *rec, size_t rec_len, const uint8_t *det, size_t det_len, const uint8_t *origin, size_t origin_len,
                         uint64_t start, size_t n, uint8_t *leaves, const uint8_t **stored) {
  cursor r = {rec, rec + rec_len};
  cursor dc = {det, det + det_len};
  decimal seq;
  decimal_set(&seq, start);
  uint8_t prev_at[24];
  int have_prev_at = 0;
  long erased = 0;
  for (size_t k = 0; k < n; k++) {
    /* Stored leaf hash, lowercase hex (compared later). */
    if ((size_t)(r.end - r.p) < 65) return -1;
    stored[k] = r.p;
    r.p += 64;
    if (*r.p++ != '\t') return -1;
    const uint8_t *action, *type, *id, *actor;
    size_t action_len, type_len, id_len, actor_len;
    if (!plain_until(&r, '\t', &action, &action_len) || !TAKE(&r, "\t")) return -1;
    if (!plain_until(&r, '\t', &type, &type_len) || !TAKE(&r, "\t")) return -1;
    if (!plain_until(&r, '\t', &id, &id_len) || !TAKE(&r, "\t")) return -1;
    /* The leaf, in its one canonical shape. */
    const uint8_t *leaf = r.p;
    if (!TAKE(&r, "{\"action\":\"") || !take_bytes(&r, action, action_len) || !TAKE(&r, "\",\"actor\":\"")) return -1;
    if (!plain_until(&r, '"', &actor, &actor_len) || !TAKE(&r, "\",\"at\":\"")) return -1;
    if ((size_t)(r.end - r.p) < 24) return -1;
    if (!have_prev_at || memcmp(prev_at, r.p, 24) != 0) {
      if (!valid_instant(r.p)) return -1;
      memcpy(prev_at, r.p, 24);
      have_prev_at = 1;
    }
    r.p += 24;
    /* The commitment: 43 base64url digits, compared with the details' digest below or, for erased details, held
     * to the canonical form there. */
    if (!TAKE(&r, "\",\"commitment\":\"") || (size_t)(r.end - r.p) < 43) return -1;
    const uint8_t *commit = r.p;
    r.p += 43;
    if (!TAKE(&r, "\",\"node\":\"") || !take_bytes(&r, origin, origin_len) || !TAKE(&r, "\",\"object\":{\"id\":\"") ||
        !take_bytes(&r, id, id_len) || !TAKE(&r, "\",\"type\":\"") || !take_bytes(&r, type, type_len) || !TAKE(&r, "\"},\"seq\":") ||
        !take(&r, seq.d, (size_t)seq.len) || !TAKE(&r, ",\"v\":1}"))
      return -1;
    size_t leaf_len = (size_t)(r.p - leaf);
    if (k + 1 < n) {
      if (!TAKE(&r, "\n")) return -1;
    } else if (r.p != r.end) {
      return -1;
    }
    decimal_inc(&seq);

    uint8_t *lh = leaves + 32 * k;
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    SHA256_Update(&ctx, "\0", 1);
    SHA256_Update(&ctx, leaf, leaf_len);
    SHA256_Final(lh, &ctx);

    /* The details row: "e \t salt \t details", e = 1 when erased (the rest is then not read). */
    const uint8_t *nl = memchr(dc.p, '\n', (size_t)(dc.end - dc.p));
    const uint8_t *row_end = nl != NULL ? nl : dc.end;
    if ((k + 1 < n) != (nl != NULL)) return -1;
    const uint8_t *d = dc.p;
    dc.p = nl != NULL ? nl + 1 : dc.end;
    if (row_end - d >= 1 && d[0] == '1' && (row_end - d == 1 || d[1] == '\t')) {
      if (!canonical_digest_b64url(commit)) return -1;
      erased++;
      continue;
    }
    /* Not erased: "0", a tab, 32 hex digits, a tab, then at least one byte of details. */
    if (row_end - d < 2 + 32 + 1 + 1 || d[0] != '0' || d[1] != '\t' || d[34] != '\t') return -1;
    uint8_t salt[16];
    if (!from_hex(ANY_HEX, d + 2, salt, 16)) return -1;
    const uint8_t *text = d + 35, *text_end = row_end;
    uint8_t dh[32], b64[43];
    SHA256_Init(&ctx);
    SHA256_Update(&ctx, salt, 16);
    SHA256_Update(&ctx, text, (size_t)(text_end - text));
    SHA256_Final(dh, &ctx);
    to_b64url(dh, b64);
    if (memcmp(b64, commit, 43) != 0) return -1;
  }
  return dc.p == dc.end && r.p == r.end ? erased : -1;
}

/* Room for the hashes of one batch, per thread (verification runs in worker threads): grown, never shrunk. */
static _Thread_local uint8_t *scratch = NULL;
static _Thread_local size_t scratch_len = 0;
static _Thread_local const uint8_t **stored_at = NULL;
static _Thread_local size_t stored_len = 0;

static napi_value number(napi_env env, long x) {
  napi_value v;
  napi_create_int64(env, x, &v);
  return v;
}

/* checkBatch(rec, det, origin, start, n, out) → the number of erased details rows when the batch passes (the
 * hashes are then in `out`), −1 otherwise. */
static napi_value check_batch(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 6) return number(env, -1);
  const uint8_t *rec, *det, *origin, *out_c;
  size_t rec_len, det_len, origin_len, out_len;
  double start_d, n_d;
  if (!get_bytes(env, argv[0], &rec, &rec_len) || !get_bytes(env, argv[1], &det, &det_len) || !get_bytes(env, argv[2], &origin, &origin_len) ||
      napi_get_value_double(env, argv[3], &start_d) != napi_ok || napi_get_value_double(env, argv[4], &n_d) != napi_ok ||
      !get_bytes(env, argv[5], &out_c, &out_len))
    return number(env, -1);
  if (!(start_d >= 0 && start_d <= 9007199254740991.0) || !(n_d >= 1 && n_d <= 16777216.0) || start_d != (double)(uint64_t)start_d ||
      n_d != (double)(size_t)n_d)
    return number(env, -1);
  uint64_t start = (uint64_t)start_d;
  size_t n = (size_t)n_d;
  for (size_t i = 0; i < origin_len; i++)
    if (!plain_byte(origin[i])) return number(env, -1);
  size_t total = 0;
  for (size_t c = n; c > 0; c /= 2) total += c;
  if (out_len < total * 64) return number(env, -1);
  uint8_t *out = (uint8_t *)out_c;

  /* Every level's hashes, level 0 first. */
  if (scratch_len < total * 32) {
    uint8_t *grown = realloc(scratch, total * 32);
    if (grown == NULL) return number(env, -1);
    scratch = grown;
    scratch_len = total * 32;
  }
  if (stored_len < n) {
    const uint8_t **grown = realloc(stored_at, n * sizeof(*stored_at));
    if (grown == NULL) return number(env, -1);
    stored_at = grown;
    stored_len = n;
  }
  uint8_t *hashes = scratch;
  long erased = check_records(rec, rec_len, det, det_len, origin, origin_len, start, n, hashes, stored_at);
  if (erased < 0) return number(env, -1);
  /* The low-level calls: OpenSSL 3's one-shot SHA256() looks the algorithm up on every call (~3x slower here). */
  SHA256_CTX ctx;
  uint8_t node[65];
  node[0] = 1;
  size_t below = 0, at = n;
  for (size_t c = n / 2; c > 0; c /= 2) {
    for (size_t i = 0; i < c; i++) {
      memcpy(node + 1, hashes + 32 * (below + 2 * i), 64);
      SHA256_Init(&ctx);
      SHA256_Update(&ctx, node, 65);
      SHA256_Final(hashes + 32 * (at + i), &ctx);
    }
    below = at;
    at += c;
  }
  for (size_t i = 0; i < total; i++) to_hex(hashes + 32 * i, out + 64 * i);
  /* Every stored leaf hash is the lowercase hex of the computed one (level 0 comes first in `out`). */
  int differ = 0;
  for (size_t k = 0; k < n; k++) differ |= memcmp(out + 64 * k, stored_at[k], 64) != 0;
  if (differ) return number(env, -1);
  return number(env, erased);
}

NAPI_MODULE_INIT() {
  init_tables();
  napi_value fn;
  if (napi_create_function(env, "checkBatch", NAPI_AUTO_LENGTH, check_batch, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "checkBatch", fn) != napi_ok) return NULL;
  return exports;
}
