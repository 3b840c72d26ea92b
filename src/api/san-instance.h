/* san-instance.h: the server (instance) a service runs on
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_INSTANCE (san_instance_get_type ())
G_DECLARE_FINAL_TYPE (SanInstance, san_instance, SAN, INSTANCE, GObject)

const char *san_instance_get_id       (SanInstance *self);
const char *san_instance_get_name     (SanInstance *self);
const char *san_instance_get_hostname (SanInstance *self);
const char *san_instance_get_region   (SanInstance *self);
/* UNKNOWN where the answer does not say (a service's instance) */
SanInstanceState    san_instance_get_state         (SanInstance *self);
/* since when it is in that state; NULL when not said */
GDateTime          *san_instance_get_state_since   (SanInstance *self);
/* In a contract's status: the contract's services it hosts, as ids and as
 * "Product · domain" (or "Product · plan" without a domain); empty arrays
 * elsewhere. Never NULL. */
const char * const *san_instance_get_service_ids   (SanInstance *self);
const char * const *san_instance_get_service_names (SanInstance *self);

G_END_DECLS
