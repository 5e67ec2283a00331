/*===- ranges.c - Sets of byte ranges, by offset from a pointer ------------===*
 *
 * What a function does with the memory a parameter points to is kept as a
 * few byte ranges, by offset from the parameter (h2s_byte_ranges,
 * heap2stack/summaries.h): sorted, apart, at most H2S_MAX_BYTE_RANGES of
 * them, and "all bytes" past that.  summaries.c builds them; the
 * arithmetic is here, in 128 bits, so that no offset near the ends of
 * int64_t wraps.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <string.h>

/* Adds [offset, offset + size) to 'r', whose ranges stay sorted and
 * apart: merged with those it overlaps or touches; all bytes once there
 * are more ranges than 'r' holds. */
void h2s_ranges_add(h2s_byte_ranges *r, int64_t offset, uint64_t size) {
  if (r->all)
    return;
  __int128 lo = offset, hi = (__int128)offset + size;
  unsigned first = 0, n = r->n;
  while (first < n && (__int128)r->at[first].offset + r->at[first].size < lo)
    ++first; /* ends before the new range starts */
  unsigned last = first; /* the ranges [first, last) meet the new one */
  for (; last < n && r->at[last].offset <= hi; ++last) {
    __int128 start = r->at[last].offset, end = start + r->at[last].size;
    lo = start < lo ? start : lo;
    hi = end > hi ? end : hi;
  }
  if (first == last && n == H2S_MAX_BYTE_RANGES) {
    r->all = true;
    return;
  }
  /* Replace [first, last) by the merged range. */
  unsigned kept_after = n - last;
  memmove(&r->at[first + 1], &r->at[last], kept_after * sizeof r->at[0]);
  r->at[first].offset = (int64_t)lo;
  r->at[first].size = hi - lo > INT64_MAX ? INT64_MAX : (uint64_t)(hi - lo);
  r->n = first + 1 + kept_after;
}

/* Adds the ranges of 'from', moved by 'shift' bytes, to 'r'; all bytes
 * when the shift is unknown, or moves a range past the ends of int64_t. */
void h2s_ranges_add_moved(h2s_byte_ranges *r, const h2s_byte_ranges *from, bool known,
                          int64_t shift) {
  if (from->all || (!known && from->n))
    r->all = true;
  for (unsigned i = 0; known && i < from->n && !r->all; ++i) {
    int64_t offset;
    if (__builtin_add_overflow(from->at[i].offset, shift, &offset))
      r->all = true;
    else
      h2s_ranges_add(r, offset, from->at[i].size);
  }
}

bool h2s_ranges_equal(const h2s_byte_ranges *a, const h2s_byte_ranges *b) {
  if (a->all || b->all)
    return a->all == b->all;
  if (a->n != b->n)
    return false;
  for (unsigned i = 0; i < a->n; ++i)
    if (a->at[i].offset != b->at[i].offset || a->at[i].size != b->at[i].size)
      return false;
  return true;
}

