/* san-portald-paymethods.c: placeholder until the handlers land
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-paymethods.h"
#include "san-portald-request.h"

static void
send_not_implemented (SanPortaldRequest *req)
{
  san_portald_send_problem (req, SOUP_STATUS_NOT_IMPLEMENTED, "not_implemented",
                            "This part of the API is not built yet");
}

void
san_portald_handle_debit_schedule (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_debit_schedule_put (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_debit_schedule_delete (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_bank_accounts (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_bank_account_create (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_bank_account_delete (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_dda (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_dda_put (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_pay_methods (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_pay_methods_default_put (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_pay_methods_service_put (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_fiscal_notes (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_fiscal_note (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_fiscal_note_pdf (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_fiscal_note_xml (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

void
san_portald_handle_fiscal_note_issue (SanPortaldRequest *req)
{
  send_not_implemented (req);
}

gboolean
san_portald_fiscal_schedule_note (SanPortaldDb  *db,
                                  gint64         invoice_id,
                                  const GDate   *paid_on,
                                  GError       **error)
{
  return TRUE;
}

gboolean
san_portald_paymethods_seed_demo (SanPortaldDb  *db,
                                  const GDate   *today,
                                  GError       **error)
{
  return TRUE;
}
