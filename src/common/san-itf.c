/* san-itf.c
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "san-itf.h"

#define NARROW 1
#define WIDE   3

/* Each digit's five elements, N narrow and W wide: two of them wide */
static const char *const patterns[10] = {
  "NNWWN", "WNNNW", "NWNNW", "WWNNN", "NNWNW",
  "WNWNN", "NWWNN", "NNNWW", "WNNWN", "NWNWN",
};

static void
append_width (GByteArray *out,
              char        element)
{
  guint8 width = element == 'W' ? WIDE : NARROW;

  g_byte_array_append (out, &width, 1);
}

GByteArray *
san_itf_encode (const char *digits)
{
  g_autoptr(GByteArray) out = NULL;
  gsize n;

  g_return_val_if_fail (digits != NULL, NULL);

  n = strlen (digits);
  if (n == 0 || n % 2 != 0)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (digits[i]))
      return NULL;

  out = g_byte_array_sized_new ((guint) (4 + n * 5 + 3));

  /* Start: narrow bar, narrow space, narrow bar, narrow space */
  for (int i = 0; i < 4; i++)
    append_width (out, 'N');

  /* Pairs: the first digit in the bars, the second in the spaces between them */
  for (gsize i = 0; i < n; i += 2)
    {
      const char *bars = patterns[digits[i] - '0'];
      const char *spaces = patterns[digits[i + 1] - '0'];

      for (int e = 0; e < 5; e++)
        {
          append_width (out, bars[e]);
          append_width (out, spaces[e]);
        }
    }

  /* Stop: wide bar, narrow space, narrow bar */
  append_width (out, 'W');
  append_width (out, 'N');
  append_width (out, 'N');

  return g_steal_pointer (&out);
}
