/* san-callback.h: one "Nós ligamos para você" callback request
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_CALLBACK (san_callback_get_type ())
G_DECLARE_FINAL_TYPE (SanCallback, san_callback, SAN, CALLBACK, GObject)

/* Properties (read-only): "id", "phone", "subject", "service-id" (strings),
 * "date" (G_TYPE_DATE), "from-minutes", "to-minutes" (uint), "status"
 * (SAN_TYPE_CALLBACK_STATUS), "created-at" (GDateTime). Values are owned by
 * the request. */

const char        *san_callback_get_id           (SanCallback *self);
/* As the server formats it: "+55 (11) 91234-5678" */
const char        *san_callback_get_phone        (SanCallback *self);
const char        *san_callback_get_subject      (SanCallback *self);
/* The related service; NULL when none */
const char        *san_callback_get_service_id   (SanCallback *self);
/* The preferred day (São Paulo time); never NULL */
const GDate       *san_callback_get_date         (SanCallback *self);
/* The preferred window on that day, in minutes since midnight (São Paulo
 * time): 9:00 to 12:00 is 540 to 720 */
guint              san_callback_get_from_minutes (SanCallback *self);
guint              san_callback_get_to_minutes   (SanCallback *self);
SanCallbackStatus  san_callback_get_status       (SanCallback *self);
/* UTC; never NULL */
GDateTime         *san_callback_get_created_at   (SanCallback *self);

G_END_DECLS
