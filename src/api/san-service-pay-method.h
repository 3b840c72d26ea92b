/* san-service-pay-method.h: how one service is paid
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "san-enums.h"

G_BEGIN_DECLS

#define SAN_TYPE_SERVICE_PAY_METHOD (san_service_pay_method_get_type ())
G_DECLARE_FINAL_TYPE (SanServicePayMethod, san_service_pay_method, SAN, SERVICE_PAY_METHOD, GObject)

const char       *san_service_pay_method_get_service_id (SanServicePayMethod *self);
/* "Hospedagem Linux Plano M - padaria.com.br" */
const char       *san_service_pay_method_get_name       (SanServicePayMethod *self);
SanPaymentMethod  san_service_pay_method_get_method     (SanServicePayMethod *self);

G_END_DECLS
