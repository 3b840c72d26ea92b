/* san-instance.h: the server (instance) a service runs on
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_INSTANCE (san_instance_get_type ())
G_DECLARE_FINAL_TYPE (SanInstance, san_instance, SAN, INSTANCE, GObject)

const char *san_instance_get_id       (SanInstance *self);
const char *san_instance_get_name     (SanInstance *self);
const char *san_instance_get_hostname (SanInstance *self);
const char *san_instance_get_region   (SanInstance *self);

G_END_DECLS
