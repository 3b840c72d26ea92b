/* test-document.c: CPF and CNPJ check digits and formats
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "san-common-error.h"
#include "san-document.h"

static void
test_cpf (void)
{
  g_assert_true (san_cpf_is_valid ("529.982.247-25"));
  g_assert_true (san_cpf_is_valid ("52998224725"));
  g_assert_true (san_cpf_is_valid ("111.444.777-35"));
  g_assert_false (san_cpf_is_valid ("529.982.247-24"));
  g_assert_false (san_cpf_is_valid ("529.982.247-15"));
  g_assert_false (san_cpf_is_valid ("111.111.111-11"));
  g_assert_false (san_cpf_is_valid ("000.000.000-00"));
  g_assert_false (san_cpf_is_valid ("5299822472"));
  g_assert_false (san_cpf_is_valid ("529982247255"));
  g_assert_false (san_cpf_is_valid ("529.982.247-2X"));
  g_assert_false (san_cpf_is_valid ("529_982_247_25"));
  g_assert_false (san_cpf_is_valid (""));
}

static void
test_cnpj_numeric (void)
{
  g_assert_true (san_cnpj_is_valid ("11.222.333/0001-81"));
  g_assert_true (san_cnpj_is_valid ("11222333000181"));
  g_assert_true (san_cnpj_is_valid ("45.723.174/0001-10"));
  g_assert_false (san_cnpj_is_valid ("11.222.333/0001-80"));
  g_assert_false (san_cnpj_is_valid ("11.222.333/0001-18"));
  g_assert_false (san_cnpj_is_valid ("00.000.000/0000-00"));
  g_assert_false (san_cnpj_is_valid ("11.222.333/0001-8"));
  g_assert_false (san_cnpj_is_valid ("52998224725"));
}

/* The alphanumeric CNPJ (Receita Federal, from July 2026): the example
 * published with the specification is 12.ABC.345/01DE-35. */
static void
test_cnpj_alphanumeric (void)
{
  g_assert_true (san_cnpj_is_valid ("12.ABC.345/01DE-35"));
  g_assert_true (san_cnpj_is_valid ("12abc34501de35"));
  g_assert_false (san_cnpj_is_valid ("12.ABC.345/01DE-36"));
  g_assert_false (san_cnpj_is_valid ("12.ABC.345/01DE-3A"));
  g_assert_false (san_cnpj_is_valid ("12.AB?.345/01DE-35"));
}

static void
test_validate_kind (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *normalized2 = NULL;
  SanDocumentKind kind;

  g_assert_true (san_document_validate ("529.982.247-25", &kind, &normalized, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, SAN_DOCUMENT_CPF);
  g_assert_cmpstr (normalized, ==, "52998224725");

  g_assert_true (san_document_validate ("12.abc.345/01de-35", &kind, &normalized2, &error));
  g_assert_cmpint (kind, ==, SAN_DOCUMENT_CNPJ);
  g_assert_cmpstr (normalized2, ==, "12ABC34501DE35");

  g_assert_false (san_document_validate ("529.982.247-24", &kind, NULL, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CPF"));
  g_clear_error (&error);

  g_assert_false (san_document_validate ("11.222.333/0001-80", &kind, NULL, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CNPJ"));
  g_clear_error (&error);

  g_assert_false (san_document_validate ("123", &kind, NULL, &error));
  g_assert_error (error, SAN_COMMON_ERROR, SAN_COMMON_ERROR_INVALID);
}

static void
test_format (void)
{
  g_autofree char *cpf = san_document_format ("52998224725");
  g_autofree char *cnpj = san_document_format ("11222333000181");
  g_autofree char *alnum = san_document_format ("12abc34501de35");
  g_autofree char *bad = san_document_format ("52998224724");

  g_assert_cmpstr (cpf, ==, "529.982.247-25");
  g_assert_cmpstr (cnpj, ==, "11.222.333/0001-81");
  g_assert_cmpstr (alnum, ==, "12.ABC.345/01DE-35");
  g_assert_null (bad);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/common/document/cpf", test_cpf);
  g_test_add_func ("/common/document/cnpj/numeric", test_cnpj_numeric);
  g_test_add_func ("/common/document/cnpj/alphanumeric", test_cnpj_alphanumeric);
  g_test_add_func ("/common/document/validate/kind", test_validate_kind);
  g_test_add_func ("/common/document/format", test_format);

  return g_test_run ();
}
