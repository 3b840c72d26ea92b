/* san-api.h: the client library, one include
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-api-error.h"
#include "san-attachment.h"
#include "san-audit-entry.h"
#include "san-bank-account.h"
#include "san-boleto.h"
#include "san-callback.h"
#include "san-card.h"
#include "san-client-billing.h"
#include "san-client-support.h"
#include "san-client.h"
#include "san-contract.h"
#include "san-dda.h"
#include "san-debit-schedule.h"
#include "san-department.h"
#include "san-email.h"
#include "san-enum-types.h"   /* generated: SAN_TYPE_SERVICE_STATUS, ... */
#include "san-enums.h"
#include "san-fiscal-note.h"
#include "san-instance.h"
#include "san-invoice-item.h"
#include "san-invoice.h"
#include "san-me.h"
#include "san-page.h"
#include "san-pay-methods.h"
#include "san-payment.h"
#include "san-pix-charge.h"
#include "san-service-pay-method.h"
#include "san-service.h"
#include "san-support-level.h"
#include "san-ticket-message.h"
#include "san-ticket.h"
#include "san-token-store.h"
#include "san-user.h"
