/* san-portald-demo.c: the --demo data set
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic: the same rows every time, with dates relative to "today".
 * The CPF and CNPJ numbers are made up but carry valid check digits.
 * Suspension dates follow SAN's rules: a shared service is suspended 10 days
 * after the due date, a cloud or dedicated server 3 days after.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include "san-portald-auth.h"
#include "san-portald-billing.h"
#include "san-portald-paymethods.h"
#include "san-portald-status.h"
#include "san-portald-support.h"
#include "san-portald-tickets.h"
#include "san-portald-demo.h"

#define NO_DATE G_MININT

typedef struct
{
  const char *email;
  const char *password;
  const char *display_name;
  const char *role;
} DemoUser;

enum { ANA, ROBERTO, CARLOS, JULIA, MARINA, N_USERS };

static const DemoUser users[N_USERS] = {
  [ANA]     = { "demo@example.com",    "demo-1234",    "Ana Souza",          SAN_PORTALD_ROLE_CUSTOMER },
  [ROBERTO] = { "partner@example.com", "partner-1234", "Roberto Ribeiro",    SAN_PORTALD_ROLE_CUSTOMER },
  [CARLOS]  = { "other@example.com",   "other-1234",   "Carlos Mendes",      SAN_PORTALD_ROLE_CUSTOMER },
  /* a member without the services permission, for authorization tests */
  [JULIA]   = { "viewer@example.com",  "viewer-1234",  "Júlia Ribeiro",      SAN_PORTALD_ROLE_CUSTOMER },
  /* SAN's support desk: member of no contract, reads them all (audited) */
  [MARINA]  = { "staff@example.com",   "staff-1234",   "Marina Costa (SAN)", SAN_PORTALD_ROLE_STAFF },
};

enum { C_ANA, C_PADARIA, C_OFICINA, C_MENDES, N_CONTRACTS };

static const struct
{
  const char *name;
  const char *document;
  int         owner;
} contracts[N_CONTRACTS] = {
  [C_ANA]     = { "Ana Souza",               "318.472.659-28",     ANA },
  [C_PADARIA] = { "Padaria Pão Quente Ltda", "27.451.938/0001-84", ANA },
  [C_OFICINA] = { "Oficina Ribeiro ME",      "09.361.572/0001-70", ROBERTO },
  [C_MENDES]  = { "Carlos Mendes",           "704.215.386-35",     CARLOS },
};

enum { I_NONE, I_SH07, I_SH12, I_SH02, I_CL03, I_CL11, I_DED21, N_INSTANCES };

static const struct
{
  const char *name;
  const char *hostname;
  const char *region;
} instances[N_INSTANCES] = {
  [I_SH07]  = { "br-sp-shared-07",    "sh07.saninternet.com",  "São Paulo" },
  [I_SH12]  = { "br-sp-shared-12",    "sh12.saninternet.com",  "São Paulo" },
  [I_SH02]  = { "br-ce-shared-02",    "sh02.saninternet.com",  "Fortaleza" },
  [I_CL03]  = { "br-rj-cloud-03",     "cl03.saninternet.com",  "Rio de Janeiro" },
  [I_CL11]  = { "br-sp-cloud-11",     "cl11.saninternet.com",  "São Paulo" },
  [I_DED21] = { "br-sp-dedicated-21", "ded21.saninternet.com", "São Paulo" },
};

typedef struct
{
  int         contract;
  const char *product;
  const char *plan;
  const char *domain;
  const char *kind;
  const char *status;
  const char *billing_cycle;
  gint64      price_cents;
  int         due_in_days;        /* NO_DATE: none */
  int         status_days_ago;
  int         created_days_ago;
  const char *support_level;
  const char *payment_method;
  int         instance;
} DemoService;

static const DemoService services[] = {
  /* Ana Souza (CPF) */
  { C_ANA, "Hospedagem Linux", "Plano M", "anasouza.com.br", "shared", "active", "monthly",
    2990, 12, 410, 410, "basic", "pix", I_SH07 },
  { C_ANA, "Certificado SSL", "SSL Padrão", "anasouza.com.br", "shared", "active", "annual",
    990, 203, 162, 162, "basic", "card", I_SH07 },
  { C_ANA, "Hospedagem Linux", "Plano P", "blogdaana.com.br", "shared", "suspended", "monthly",
    1990, -14, 4, 530, "basic", "boleto", I_SH12 },
  { C_ANA, "Cloud Server", "Cloud 2 GB", "", "cloud", "cancelled", "monthly",
    8990, NO_DATE, 61, 250, "business", "card", I_CL03 },
  { C_ANA, "Hospedagem WordPress", "WordPress M", "fotografiaanasouza.com.br", "shared", "pending",
    "monthly", 3990, 3, 0, 0, "basic", "pix", I_NONE },

  /* Padaria Pão Quente Ltda (CNPJ) */
  { C_PADARIA, "Hospedagem Linux", "Plano G", "padariapaoquente.com.br", "shared", "active", "annual",
    4990, 95, 730, 730, "business", "boleto", I_SH07 },
  { C_PADARIA, "E-mail Profissional", "E-mail 10 contas", "padariapaoquente.com.br", "shared", "active",
    "monthly", 1490, 8, 700, 700, "business", "bank_debit", I_SH07 },
  { C_PADARIA, "Certificado SSL", "SSL Wildcard", "padariapaoquente.com.br", "shared", "active", "annual",
    2490, 95, 330, 330, "business", "boleto", I_SH07 },
  { C_PADARIA, "Cloud Server", "Cloud 4 GB", "loja.padariapaoquente.com.br", "cloud", "active", "monthly",
    18990, 8, 300, 300, "business", "bank_debit", I_CL11 },
  { C_PADARIA, "Servidor Dedicado", "Dedicado Xeon E-2388G", "", "dedicated", "active", "monthly",
    89900, 5, 480, 480, "premium", "bank_debit", I_DED21 },
  { C_PADARIA, "Cloud Server", "Cloud 8 GB", "", "cloud", "suspended", "monthly",
    34990, -5, 2, 190, "business", "boleto", I_CL03 },
  { C_PADARIA, "Hospedagem Linux", "Plano M", "paoquentedelivery.com.br", "shared", "terminated",
    "monthly", 2990, NO_DATE, 40, 640, "basic", "boleto", I_NONE },
  { C_PADARIA, "Hospedagem Linux", "Plano P", "padariapaoquente.net.br", "shared", "cancelled",
    "monthly", 1990, NO_DATE, 120, 900, "basic", "pix", I_SH12 },
  { C_PADARIA, "Servidor Dedicado", "Dedicado Xeon E-2388G", "", "dedicated", "pending", "monthly",
    89900, 2, 0, 0, "premium", "card", I_NONE },

  /* Oficina Ribeiro ME (CNPJ, owned by the partner) */
  { C_OFICINA, "Hospedagem Linux", "Plano M", "oficinaribeiro.com.br", "shared", "active", "monthly",
    2990, 20, 820, 820, "basic", "boleto", I_SH02 },
  { C_OFICINA, "Cloud Server", "Cloud 2 GB", "agenda.oficinaribeiro.com.br", "cloud", "active", "monthly",
    8990, 20, 120, 120, "business", "pix", I_CL11 },
  { C_OFICINA, "Certificado SSL", "SSL Padrão", "oficinaribeiro.com.br", "shared", "suspended", "monthly",
    990, -12, 2, 380, "basic", "boleto", I_SH02 },

  /* Carlos Mendes (CPF): not visible to the demo user */
  { C_MENDES, "Hospedagem Linux", "Plano M", "mendesadvocacia.adv.br", "shared", "active", "monthly",
    2990, 15, 600, 600, "business", "card", I_SH12 },
  { C_MENDES, "Cloud Server", "Cloud 4 GB", "", "cloud", "active", "monthly",
    18990, 15, 200, 200, "premium", "card", I_CL03 },
};

static char *
date_from_today (const GDate *today,
                 int          days)
{
  GDate date = *today;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

static gboolean
seed (SanPortaldDb  *db,
      const GDate   *today,
      GError       **error)
{
  gint64 user_ids[N_USERS];
  gint64 contract_ids[N_CONTRACTS];
  gint64 instance_ids[N_INSTANCES] = { 0 };
  static const char * const only_services[] = { "services", NULL };
  static const char * const only_invoices[] = { "invoices", NULL };

  for (guint i = 0; i < N_USERS; i++)
    {
      g_autofree char *hash = san_portald_password_hash (users[i].password, error);

      if (hash == NULL)
        return FALSE;
      user_ids[i] = san_portald_db_add_user (db, users[i].email, users[i].display_name, hash, error);
      if (user_ids[i] == 0)
        return FALSE;
      if (!g_str_equal (users[i].role, SAN_PORTALD_ROLE_CUSTOMER) &&
          !san_portald_db_set_user_role (db, user_ids[i], users[i].role, error))
        return FALSE;
    }

  for (guint i = 0; i < N_CONTRACTS; i++)
    {
      contract_ids[i] = san_portald_db_add_contract (db, contracts[i].name, contracts[i].document,
                                                     user_ids[contracts[i].owner], error);
      if (contract_ids[i] == 0)
        return FALSE;
    }

  if (!san_portald_db_add_member (db, contract_ids[C_OFICINA], user_ids[ANA], only_services, error) ||
      !san_portald_db_add_member (db, contract_ids[C_OFICINA], user_ids[JULIA], only_invoices, error))
    return FALSE;

  for (guint i = I_NONE + 1; i < N_INSTANCES; i++)
    {
      instance_ids[i] = san_portald_db_add_instance (db, instances[i].name, instances[i].hostname,
                                                     instances[i].region, error);
      if (instance_ids[i] == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      const DemoService *s = &services[i];
      g_autofree char *due = NULL;
      g_autofree char *since = date_from_today (today, -s->status_days_ago);
      g_autofree char *created_day = date_from_today (today, -s->created_days_ago);
      g_autofree char *created_at = g_strconcat (created_day, "T13:20:00Z", NULL);
      SanPortaldServiceRow row = {
        .product = s->product,
        .plan = s->plan,
        .domain = s->domain,
        .kind = s->kind,
        .status = s->status,
        .billing_cycle = s->billing_cycle,
        .price_cents = s->price_cents,
        .status_since = since,
        .support_level = s->support_level,
        .payment_method = s->payment_method,
        .instance_id = instance_ids[s->instance],
        .created_at = created_at,
      };

      if (s->due_in_days != NO_DATE)
        due = date_from_today (today, s->due_in_days);
      row.next_due_date = due;

      if (san_portald_db_add_service (db, contract_ids[s->contract], &row, error) == 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
san_portald_demo_seed (SanPortaldDb  *db,
                       const GDate   *today,
                       gboolean      *out_seeded,
                       GError       **error)
{
  gboolean has_users = FALSE;

  *out_seeded = FALSE;
  if (!san_portald_db_begin (db, error))
    return FALSE;

  if (!san_portald_db_has_users (db, &has_users, error))
    {
      san_portald_db_rollback (db);
      return FALSE;
    }
  if (has_users)
    {
      san_portald_db_rollback (db);
      return TRUE;
    }

  if (!seed (db, today, error) ||
      !san_portald_billing_seed_demo (db, today, error) ||
      !san_portald_paymethods_seed_demo (db, today, error) ||
      !san_portald_support_seed_demo (db, today, error) ||
      !san_portald_tickets_seed_demo (db, today, error) ||
      !san_portald_status_seed_demo (db, today, error) ||
      !san_portald_db_commit (db, error))
    {
      g_prefix_error (error, "Could not seed the demo data: ");
      san_portald_db_rollback (db);
      return FALSE;
    }

  *out_seeded = TRUE;
  return TRUE;
}
