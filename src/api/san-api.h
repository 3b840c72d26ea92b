/* san-api.h: the client library, one include
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-api-error.h"
#include "san-bank-account.h"
#include "san-boleto.h"
#include "san-card.h"
#include "san-client.h"
#include "san-client-billing.h"
#include "san-contract.h"
#include "san-dda.h"
#include "san-debit-schedule.h"
#include "san-enums.h"
#include "san-enum-types.h"   /* generated: SAN_TYPE_SERVICE_STATUS, ... */
#include "san-fiscal-note.h"
#include "san-instance.h"
#include "san-invoice.h"
#include "san-invoice-item.h"
#include "san-me.h"
#include "san-page.h"
#include "san-pay-methods.h"
#include "san-payment.h"
#include "san-pix-charge.h"
#include "san-service.h"
#include "san-service-pay-method.h"
#include "san-token-store.h"
#include "san-user.h"
