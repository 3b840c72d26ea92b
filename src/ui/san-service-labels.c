/* san-service-labels.c: the words and sentences the app shows for a service
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-date.h"
#include "san-money.h"
#include "san-service-labels.h"

const char *
san_service_status_label (SanServiceStatus status)
{
  switch (status)
    {
    case SAN_SERVICE_STATUS_PENDING:
      return C_("service status", "Pending");
    case SAN_SERVICE_STATUS_ACTIVE:
      return C_("service status", "Active");
    case SAN_SERVICE_STATUS_SUSPENDED:
      return C_("service status", "Suspended");
    case SAN_SERVICE_STATUS_CANCELLED:
      return C_("service status", "Cancelled");
    case SAN_SERVICE_STATUS_TERMINATED:
      return C_("service status", "Terminated");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_service_status_css_class (SanServiceStatus status)
{
  switch (status)
    {
    case SAN_SERVICE_STATUS_PENDING:
      return "status-pending";
    case SAN_SERVICE_STATUS_ACTIVE:
      return "status-active";
    case SAN_SERVICE_STATUS_SUSPENDED:
      return "status-suspended";
    case SAN_SERVICE_STATUS_CANCELLED:
      return "status-cancelled";
    case SAN_SERVICE_STATUS_TERMINATED:
      return "status-terminated";
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_service_kind_label (SanServiceKind kind)
{
  switch (kind)
    {
    case SAN_SERVICE_KIND_SHARED:
      return _("Shared hosting");
    case SAN_SERVICE_KIND_CLOUD:
      return _("Cloud server");
    case SAN_SERVICE_KIND_DEDICATED:
      return _("Dedicated server");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_support_level_label (SanSupportLevelId level)
{
  switch (level)
    {
    case SAN_SUPPORT_LEVEL_BASIC:
      return C_("support level", "Basic");
    case SAN_SUPPORT_LEVEL_BUSINESS:
      return C_("support level", "Business");
    case SAN_SUPPORT_LEVEL_PREMIUM:
      return C_("support level", "Premium");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_payment_method_label (SanPaymentMethod method)
{
  switch (method)
    {
    case SAN_PAYMENT_METHOD_BOLETO:
      return C_("payment method", "Boleto");
    case SAN_PAYMENT_METHOD_PIX:
      return C_("payment method", "PIX");
    case SAN_PAYMENT_METHOD_CARD:
      return C_("payment method", "Credit card");
    case SAN_PAYMENT_METHOD_BANK_DEBIT:
      return C_("payment method", "Bank debit");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
san_service_get_title (SanService *service)
{
  const char *domain = san_service_get_domain (service);

  if (domain != NULL && domain[0] != '\0')
    return domain;
  return san_service_get_product (service);
}

char *
san_service_dup_subtitle (SanService *service)
{
  const char *domain = san_service_get_domain (service);
  SanInstance *instance = san_service_get_instance (service);

  /* Without a domain the title is already the product: name the server */
  if (domain == NULL || domain[0] == '\0')
    {
      if (instance != NULL && san_instance_get_hostname (instance)[0] != '\0')
        /* Translators: a server's plan and hostname, like "Cloud 4 GB · vps12.saninternet.com" */
        return g_strdup_printf (_("%s · %s"), san_service_get_plan (service),
                                san_instance_get_hostname (instance));
      return g_strdup (san_service_get_plan (service));
    }

  /* Translators: a service's product and plan, like "Hospedagem Linux · Plano M" */
  return g_strdup_printf (_("%s · %s"),
                          san_service_get_product (service),
                          san_service_get_plan (service));
}

char *
san_service_dup_price_text (SanService *service)
{
  g_autofree char *money = san_money_format_brl (san_service_get_price_cents (service));

  if (san_service_get_billing_cycle (service) == SAN_BILLING_CYCLE_ANNUAL)
    /* Translators: %s is an amount like "R$ 49,90" */
    return g_strdup_printf (_("%s per month, billed 12 months at once"), money);
  /* Translators: %s is an amount like "R$ 49,90" */
  return g_strdup_printf (_("%s per month"), money);
}

char *
san_service_dup_short_price (SanService *service)
{
  g_autofree char *money = san_money_format_brl (san_service_get_price_cents (service));

  /* Translators: a monthly price in a list, %s is like "R$ 49,90" */
  return g_strdup_printf (_("%s/month"), money);
}

gboolean
san_service_get_kept_until (SanService *service,
                            GDate      *out_date)
{
  const GDate *since = san_service_get_status_since (service);

  if (san_service_get_status (service) != SAN_SERVICE_STATUS_SUSPENDED ||
      since == NULL || !g_date_valid (since))
    return FALSE;

  *out_date = *since;
  if (san_service_get_kind (service) == SAN_SERVICE_KIND_SHARED)
    san_date_add_months_clamped (out_date, 3);
  else
    g_date_add_days (out_date, 7);
  return TRUE;
}

char *
san_service_dup_status_explanation (SanService *service)
{
  SanServiceKind kind = san_service_get_kind (service);
  gboolean shared = kind == SAN_SERVICE_KIND_SHARED;
  const char *not_cancelling =
    _("Not paying is not cancelling: only a cancellation request ends a service.");
  g_autofree char *since = NULL;
  GDate kept;

  if (san_service_get_status_since (service) != NULL)
    since = san_date_format (san_service_get_status_since (service));

  switch (san_service_get_status (service))
    {
    case SAN_SERVICE_STATUS_PENDING:
      return g_strdup_printf ("%s %s",
                              shared
                              ? _("Waiting for the first payment to clear, then it is set up "
                                  "automatically.")
                              : _("Waiting for the first payment to clear and for setup. "
                                  "Setting up a cloud or dedicated server can take a few hours "
                                  "after the payment clears."),
                              not_cancelling);

    case SAN_SERVICE_STATUS_ACTIVE:
      return g_strdup_printf ("%s %s",
                              shared
                              ? _("Running normally. If an invoice goes unpaid, the service is "
                                  "suspended 10 days after its due date.")
                              : _("Running normally. If an invoice goes unpaid, the server is "
                                  "suspended 3 days after its due date."),
                              not_cancelling);

    case SAN_SERVICE_STATUS_SUSPENDED:
      {
        g_autofree char *until = NULL;
        g_autofree char *first = NULL;

        if (san_service_get_kept_until (service, &kept))
          until = san_date_format (&kept);

        if (since != NULL)
          /* Translators: %s is a date */
          first = g_strdup_printf (_("Stopped on %s because an invoice was not paid. Paying it "
                                     "restores the service."), since);
        else
          first = g_strdup (_("Stopped because an invoice was not paid. Paying it restores the "
                              "service."));

        if (until != NULL)
          {
            g_autofree char *kept_text = NULL;

            if (shared)
              /* Translators: %s is a date */
              kept_text = g_strdup_printf (_("Its data is kept until %s (3 months after the "
                                             "suspension); then SAN terminates it and removes "
                                             "the data."), until);
            else
              /* Translators: %s is a date */
              kept_text = g_strdup_printf (_("Its data is kept until %s (7 days after the "
                                             "suspension); then SAN terminates it and removes "
                                             "the data."), until);
            return g_strdup_printf ("%s %s %s %s", first, kept_text,
                                    _("The time until termination is still billed."),
                                    not_cancelling);
          }
        return g_strdup_printf ("%s %s %s", first,
                                _("The time until termination is still billed."),
                                not_cancelling);
      }

    case SAN_SERVICE_STATUS_CANCELLED:
      if (since != NULL)
        /* Translators: %s is a date */
        return g_strdup_printf (_("Ended on %s at your request. Nothing more is billed for it."),
                                since);
      return g_strdup (_("Ended at your request. Nothing more is billed for it."));

    case SAN_SERVICE_STATUS_TERMINATED:
      if (since != NULL)
        /* Translators: %s is a date */
        return g_strdup_printf (_("Ended by SAN on %s, after it went unpaid or broke SAN’s "
                                  "policies. Its data has been removed."), since);
      return g_strdup (_("Ended by SAN, after it went unpaid or broke SAN’s policies. Its data "
                         "has been removed."));

    default:
      g_return_val_if_reached (g_strdup (""));
    }
}
