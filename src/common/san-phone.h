/* san-phone.h: Brazilian phone numbers, "+55 (11) 91234-5678"
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Accepts what people type: "(11) 91234-5678", "11912345678", "+55 11 3456-7890",
 * "011 3456-7890". The area code (DDD) must exist; a mobile number has 9 digits
 * starting with 9, a landline 8 digits starting with 2 to 5.
 * On success sets @out_e164 to "+5511912345678". */
gboolean  san_phone_validate (const char  *text,
                              char       **out_e164,
                              GError     **error);

/* "+55 (11) 91234-5678" or "+55 (11) 3456-7890"; NULL when @text is not valid. */
char     *san_phone_format   (const char  *text);

G_END_DECLS
