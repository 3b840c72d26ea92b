/* san-pay-methods.h: the contract's default payment method and each service's
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "san-enums.h"
#include "san-service-pay-method.h"

G_BEGIN_DECLS

#define SAN_TYPE_PAY_METHODS (san_pay_methods_get_type ())
G_DECLARE_FINAL_TYPE (SanPayMethods, san_pay_methods, SAN, PAY_METHODS, GObject)

SanPaymentMethod  san_pay_methods_get_default_method (SanPayMethods *self);
/* A GListModel of SanServicePayMethod */
GListModel       *san_pay_methods_get_services       (SanPayMethods *self);

G_END_DECLS
