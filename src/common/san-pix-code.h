/* san-pix-code.h: PIX BR Code ("copia e cola"), the EMV MPM payload of the
 * Banco Central's PIX (Manual do BR Code), with its CRC16-CCITT
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *payload_format;    /* ID 00: "01" */
  gboolean dynamic;          /* ID 01 = "12" (one use) */
  char   *gui;               /* ID 26-00: "br.gov.bcb.pix" (case-insensitive) */
  char   *key;               /* ID 26-01: the PIX key, NULL in a dynamic code with a URL */
  char   *description;       /* ID 26-02, may be NULL */
  char   *url;               /* ID 26-25: the payload location of a dynamic code, may be NULL */
  char   *mcc;               /* ID 52: "0000" */
  char   *currency;          /* ID 53: "986" (BRL) */
  gint64  amount_cents;      /* ID 54 ("123.45", at most 2 decimals, > 0); -1 when absent (the payer types it) */
  char   *country;           /* ID 58: "BR" */
  char   *merchant_name;     /* ID 59 */
  char   *merchant_city;     /* ID 60 */
  char   *txid;              /* ID 62-05: "***" when none; NULL when no 62-05 */
  char   *crc;               /* ID 63: 4 hex digits as written */
} SanPixCode;

#define SAN_PIX_CHECK_STRUCTURE "structure"   /* not a sequence of ID-length-value fields */
#define SAN_PIX_CHECK_CRC       "crc"         /* missing or wrong CRC16 */
#define SAN_PIX_CHECK_FIELD     "field"       /* a mandatory field missing or malformed */
#define SAN_PIX_CHECK_GUI       "gui"         /* no br.gov.bcb.pix merchant account */
#define SAN_PIX_CHECK_AMOUNT    "amount"      /* ID 54 not a decimal amount like "123.45" */

/* Parses and validates a BR Code (surrounding white space ignored): TLV
 * structure (each ID once), CRC16-CCITT (ID 63 last, hex in either case),
 * mandatory fields (00 = "01" first; a merchant account template 26..51
 * with the PIX GUI and a key or URL; 52; 53 = 986;
 * 58 = BR; 59; 60; 62-05 optional), the amount's format. NULL on failure,
 * with *@out_failed_check (a SAN_PIX_CHECK_* word) and @error. */
SanPixCode *san_pix_code_parse   (const char   *payload,
                                  const char  **out_failed_check,
                                  GError      **error);
void        san_pix_code_free    (SanPixCode   *code);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SanPixCode, san_pix_code_free)

/* Builds a BR Code with a key, amount and txid (static format with amount,
 * as banks' "PIX copia e cola" for a charge), fields in the Manual's order
 * (00, 26, 52, 53, 54, 58, 59, 60, 62, 63), CRC in upper-case hex.
 * @key is 1..77 printable ASCII characters. @merchant_name (<= 25) and
 * @merchant_city (<= 15) are turned into plain ASCII upper case ("SAO PAULO");
 * @amount_cents is 1..999999999999, or -1 for none (the payer types it);
 * @txid is 1..25 letters and digits, or "***" for none; @description may be
 * NULL, and is cut to fit template 26's 99 characters. */
char       *san_pix_code_build   (const char   *key,
                                  const char   *merchant_name,
                                  const char   *merchant_city,
                                  const char   *txid,
                                  gint64        amount_cents,
                                  const char   *description);

/* CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as the BR Code uses */
guint16     san_pix_code_crc16   (const char   *data,
                                  gsize         length);

G_END_DECLS
