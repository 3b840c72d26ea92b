/* san-document.h: CPF and CNPJ, the Brazilian tax ids of people and companies
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SAN_DOCUMENT_CPF,
  SAN_DOCUMENT_CNPJ,
} SanDocumentKind;

/* Validates a CPF (11 digits) or CNPJ (14 characters: since 2026 the first 12
 * may be letters A-Z, the last 2 are digits). Punctuation (. - /) and spaces
 * are accepted and ignored; letters are taken in upper case.
 * On success sets @out_kind and @out_normalized (bare digits/letters). */
gboolean  san_document_validate  (const char       *text,
                                  SanDocumentKind  *out_kind,
                                  char            **out_normalized,
                                  GError          **error);

gboolean  san_cpf_is_valid       (const char       *text);
gboolean  san_cnpj_is_valid      (const char       *text);

/* "000.000.000-00" or "00.000.000/0000-00"; NULL when @text is not valid. */
char     *san_document_format    (const char       *text);

G_END_DECLS
