/* san-portald-billing.c: placeholder until the handlers land
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-billing.h"
#include "san-portald-request.h"

static void
send_not_implemented (SanPortaldRequest *req)
{
  san_portald_send_problem (req, SOUP_STATUS_NOT_IMPLEMENTED, "not_implemented",
                            "This part of the API is not built yet");
}

void
san_portald_handle_invoices (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_invoice (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_invoice_pdf (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_boleto (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_boleto_second_copy (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_pix (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_pix_create (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_payment_create (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_card_token_create (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_cards (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_card_create (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_card_delete (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_sim_pix_settle (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

gboolean
san_portald_billing_mark_paid (SanPortaldDb  *db,
                               gint64         invoice_id,
                               const char    *method,
                               gint64         paid_at_ms,
                               gboolean      *out_changed,
                               GError       **error)
{
  *out_changed = FALSE;
  return TRUE;
}

gboolean
san_portald_billing_seed_demo (SanPortaldDb  *db,
                               const GDate   *today,
                               GError       **error)
{
  return TRUE;
}
