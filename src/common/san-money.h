/* san-money.h: money as integer centavos, shown in Brazilian reais
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Formats @cents as "R$ 1.234,56" (negative: "-R$ 1.234,56").
 * The space after "R$" is a no-break space (U+00A0) so the symbol never
 * wraps away from the amount. */
char     *san_money_format_brl  (gint64       cents);

/* Parses what a person types for an amount in reais: "1234,56", "1.234,56",
 * "R$ 1.234,56", "10", "10,5". Rejects anything else, more than two decimal
 * places, negative amounts and overflow. */
gboolean  san_money_parse_brl   (const char  *text,
                                 gint64      *out_cents,
                                 GError     **error);

G_END_DECLS
