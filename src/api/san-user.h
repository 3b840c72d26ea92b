/* san-user.h: the signed-in person (login e-mail, name, staff or customer)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_USER (san_user_get_type ())
G_DECLARE_FINAL_TYPE (SanUser, san_user, SAN, USER, GObject)

const char *san_user_get_id           (SanUser *self);
const char *san_user_get_email        (SanUser *self);
const char *san_user_get_display_name (SanUser *self);
/* TRUE for SAN's support staff (role "staff"): the app shows the staff desk
 * (san-client-support.h) instead of the customer sections */
gboolean    san_user_get_is_staff     (SanUser *self);

G_END_DECLS
