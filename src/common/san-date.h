/* san-date.h: calendar dates and instants on the wire and on screen
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Strict "YYYY-MM-DD" (the wire's dates). Returns FALSE for anything else,
 * including impossible dates like 2026-02-30. */
gboolean   san_date_parse_iso          (const char      *text,
                                        GDate           *out_date);
/* "YYYY-MM-DD" */
char      *san_date_to_iso             (const GDate     *date);
/* The user's format: "24/11/2026" in pt_BR, "24 Nov 2026" in English. */
char      *san_date_format             (const GDate     *date);

/* RFC 3339 with an explicit offset ("2026-11-24T15:53:20Z"); NULL otherwise. */
GDateTime *san_datetime_parse_rfc3339  (const char      *text);
/* RFC 3339 in UTC with a Z, to the second. */
char      *san_datetime_to_rfc3339     (GDateTime       *datetime);

/* Adds @n_months to @date, clamping to the month's last day (31/01 + 1 = 28/02). */
void       san_date_add_months_clamped (GDate           *date,
                                        guint            n_months);

G_END_DECLS
