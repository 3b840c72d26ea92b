/* san-portald-pdf.c: invoice PDFs (cairo), with the boleto page's ITF barcode
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents are for Brazilian customers: their words are Portuguese,
 * fixed (not the server's locale), dates dd/mm/aaaa and money in BRL.
 */
#define G_LOG_DOMAIN "san-portald"

#include "config.h"

#include <cairo-pdf.h>

#include "san-boleto-code.h"
#include "san-date.h"
#include "san-itf.h"
#include "san-money.h"
#include "san-portald-db.h"
#include "san-portald-pdf.h"

/* A4 in points */
#define PAGE_WIDTH 595.28
#define PAGE_HEIGHT 841.89
#define MARGIN 48.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define FONT "DejaVu Sans"
#define MM (72.0 / 25.4)
/* FEBRABAN: narrow element 0.33 mm (wide = 3 narrow), bars 13 mm high */
#define ITF_NARROW (0.33 * MM)
#define ITF_HEIGHT (13.0 * MM)

static cairo_status_t
write_to_array_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* "dd/mm/aaaa" of a "YYYY-MM-DD" date (or of an RFC 3339 instant's day in São Paulo) */
static char *
format_date (const char *text)
{
  GDate date;

  if (text == NULL)
    return g_strdup ("");
  if (san_date_parse_iso (text, &date))
    return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&date), g_date_get_month (&date),
                            g_date_get_year (&date));
  else
    {
      g_autoptr(GDateTime) instant = san_datetime_parse_rfc3339 (text);
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
      g_autoptr(GDateTime) local = NULL;

      if (instant == NULL)
        return g_strdup (text);
      if (zone == NULL)
        zone = g_time_zone_new_offset (-3 * 3600);
      local = g_date_time_to_timezone (instant, zone);
      return g_date_time_format (local, "%d/%m/%Y");
    }
}

static const char *
status_label (const SanPortaldPdfInvoice *invoice)
{
  if (g_strcmp0 (invoice->status, "unpaid") == 0)
    return invoice->overdue ? "Vencida" : "Em aberto";
  if (g_strcmp0 (invoice->status, "paid") == 0)
    return "Paga";
  if (g_strcmp0 (invoice->status, "cancelled") == 0)
    return "Cancelada";
  if (g_strcmp0 (invoice->status, "refunded") == 0)
    return "Estornada";
  if (g_strcmp0 (invoice->status, "payment_pending") == 0)
    return "Débito agendado";
  return invoice->status;
}

static const char *
method_label (const char *method)
{
  if (g_strcmp0 (method, "boleto") == 0)
    return "Boleto";
  if (g_strcmp0 (method, "pix") == 0)
    return "PIX";
  if (g_strcmp0 (method, "card") == 0)
    return "Cartão de crédito";
  if (g_strcmp0 (method, "bank_debit") == 0)
    return "Débito em Conta";
  return method != NULL ? method : "";
}

static void
set_font (cairo_t *cr,
          double   size,
          gboolean bold)
{
  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static double
text_width (cairo_t    *cr,
            const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

/* Draws @text with its baseline at @y: from @x, or ending at @x when @right */
static void
draw_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *text,
           gboolean    right)
{
  if (text == NULL || text[0] == '\0')
    return;
  cairo_move_to (cr, right ? x - text_width (cr, text) : x, y);
  cairo_show_text (cr, text);
}

/* Draws @text wrapped at word boundaries within @width; returns the y of the
 * last line's baseline */
static double
draw_wrapped (cairo_t    *cr,
              double      x,
              double      y,
              double      width,
              double      line_height,
              const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *candidate = line->len > 0 ? g_strconcat (line->str, " ", words[i], NULL)
                                                 : g_strdup (words[i]);

      if (line->len > 0 && text_width (cr, candidate) > width)
        {
          draw_text (cr, x, y, line->str, FALSE);
          y += line_height;
          g_string_assign (line, words[i]);
        }
      else
        g_string_assign (line, candidate);
    }
  draw_text (cr, x, y, line->str, FALSE);
  return y;
}

static void
draw_rule (cairo_t *cr,
           double   y,
           double   width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, y);
  cairo_stroke (cr);
}

/* A labelled box of a boleto: the label small at the top, the value below */
static void
draw_field (cairo_t    *cr,
            double      x,
            double      y,
            double      width,
            double      height,
            const char *label,
            const char *value,
            gboolean    value_right)
{
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
  set_font (cr, 6.5, FALSE);
  draw_text (cr, x + 3, y + 8, label, FALSE);
  set_font (cr, 9, value_right);
  if (value_right)
    draw_text (cr, x + width - 3, y + height - 5, value, TRUE);
  else
    draw_text (cr, x + 3, y + height - 5, value, FALSE);
}

static void
draw_invoice_page (cairo_t                    *cr,
                   const SanPortaldPdfInvoice *invoice)
{
  g_autofree char *issue = format_date (invoice->issue_date);
  g_autofree char *due = format_date (invoice->due_date);
  g_autofree char *total = san_money_format_brl (invoice->total_cents);
  g_autofree char *title = g_strdup_printf ("Fatura %s", invoice->number);
  g_autofree char *customer = g_strdup_printf ("Cliente: %s", invoice->customer);
  g_autofree char *document = g_strdup_printf ("CPF/CNPJ: %s", invoice->customer_document);
  g_autofree char *dates = g_strdup_printf ("Emissão: %s    Vencimento: %s", issue, due);
  g_autofree char *status = g_strdup_printf ("Situação: %s", status_label (invoice));
  g_autofree char *method = g_strdup_printf ("Forma de pagamento: %s",
                                             method_label (invoice->payment_method));
  double y = MARGIN + 20;

  cairo_set_source_rgb (cr, 0, 0, 0);
  set_font (cr, 18, TRUE);
  draw_text (cr, MARGIN, y, "SAN Internet Ltda", FALSE);
  set_font (cr, 16, TRUE);
  draw_text (cr, PAGE_WIDTH - MARGIN, y, title, TRUE);
  y += 16;
  set_font (cr, 9, FALSE);
  draw_text (cr, MARGIN, y, "CNPJ 12.345.678/0001-95 · São Paulo - SP", FALSE);
  y += 14;
  draw_rule (cr, y, 1.0);

  y += 22;
  set_font (cr, 10, FALSE);
  draw_text (cr, MARGIN, y, customer, FALSE);
  y += 14;
  draw_text (cr, MARGIN, y, document, FALSE);
  y += 14;
  draw_text (cr, MARGIN, y, dates, FALSE);
  y += 14;
  set_font (cr, 10, TRUE);
  draw_text (cr, MARGIN, y, status, FALSE);
  y += 14;
  set_font (cr, 10, FALSE);
  draw_text (cr, MARGIN, y, method, FALSE);
  if (invoice->paid_at != NULL)
    {
      g_autofree char *paid_on = format_date (invoice->paid_at);
      g_autofree char *paid = g_strdup_printf ("Paga em %s (%s)", paid_on,
                                               method_label (invoice->paid_with));

      y += 14;
      draw_text (cr, MARGIN, y, paid, FALSE);
    }

  /* the items */
  y += 30;
  set_font (cr, 9, TRUE);
  draw_text (cr, MARGIN, y, "Descrição", FALSE);
  draw_text (cr, PAGE_WIDTH - MARGIN, y, "Valor", TRUE);
  y += 6;
  draw_rule (cr, y, 0.6);
  set_font (cr, 9, FALSE);
  for (guint i = 0; i < invoice->n_items; i++)
    {
      g_autofree char *amount = san_money_format_brl (invoice->items[i].amount_cents);

      y += 14;
      /* stop before the footer: the total below always fits */
      if (y > PAGE_HEIGHT - 160)
        {
          draw_text (cr, MARGIN, y, "…", FALSE);
          break;
        }
      draw_text (cr, PAGE_WIDTH - MARGIN, y, amount, TRUE);
      y = draw_wrapped (cr, MARGIN, y, CONTENT_WIDTH - 100, 11, invoice->items[i].description);
    }
  y += 8;
  draw_rule (cr, y, 0.6);
  y += 18;
  set_font (cr, 11, TRUE);
  draw_text (cr, MARGIN, y, "Total", FALSE);
  draw_text (cr, PAGE_WIDTH - MARGIN, y, total, TRUE);

  set_font (cr, 8, FALSE);
  draw_text (cr, MARGIN, PAGE_HEIGHT - MARGIN,
             "SAN Internet Ltda · Área do Cliente · Documento sem valor fiscal: a nota fiscal é emitida após o pagamento.",
             FALSE);
}

static void
draw_barcode (cairo_t    *cr,
              double      x,
              double      y,
              const char *barcode)
{
  g_autoptr(GByteArray) widths = san_itf_encode (barcode);

  if (widths == NULL)
    return;
  /* bar, space, bar, ...: only the bars are drawn */
  for (guint i = 0; i < widths->len; i++)
    {
      double width = widths->data[i] * ITF_NARROW;

      if (i % 2 == 0)
        cairo_rectangle (cr, x, y, width, ITF_HEIGHT);
      x += width;
    }
  cairo_fill (cr);
}

/* The bank's header line of a boleto part: name | code-DV | linha */
static void
draw_bank_header (cairo_t                   *cr,
                  double                     y,
                  const SanPortaldPdfBoleto *boleto,
                  const char                *right_text)
{
  g_autofree char *code = g_strdup_printf ("%s-%u", boleto->bank_code,
                                           san_boleto_code_mod11_barcode (boleto->bank_code, -1) % 10);

  double x;
  double size = 11;

  set_font (cr, 12, TRUE);
  draw_text (cr, MARGIN, y, boleto->bank_name, FALSE);
  x = MARGIN + text_width (cr, boleto->bank_name) + 14;
  set_font (cr, 14, TRUE);
  draw_text (cr, x, y, code, FALSE);
  x += text_width (cr, code) + 14;
  /* the linha digitável as large as fits beside them */
  set_font (cr, size, TRUE);
  while (size > 6 && text_width (cr, right_text) > PAGE_WIDTH - MARGIN - x)
    set_font (cr, size -= 0.5, TRUE);
  draw_text (cr, PAGE_WIDTH - MARGIN, y, right_text, TRUE);
  draw_rule (cr, y + 5, 1.2);
}

static void
draw_boleto_page (cairo_t                   *cr,
                  const SanPortaldPdfBoleto *boleto)
{
  g_autofree char *linha = san_boleto_code_format_linha (boleto->linha_digitavel);
  g_autofree char *due = format_date (boleto->due_date);
  g_autofree char *amount = san_money_format_brl (boleto->amount_cents);
  g_autofree char *beneficiary = g_strdup_printf ("%s · CNPJ %s", boleto->beneficiary,
                                                  boleto->beneficiary_document);
  g_autofree char *payer = g_strdup_printf ("%s · CPF/CNPJ %s", boleto->payer, boleto->payer_document);
  double w = CONTENT_WIDTH;
  double y = MARGIN + 16;

  cairo_set_source_rgb (cr, 0, 0, 0);

  /* Recibo do Pagador */
  draw_bank_header (cr, y, boleto, "Recibo do Pagador");
  y += 10;
  draw_field (cr, MARGIN, y, w * 0.6, 26, "Beneficiário", beneficiary, FALSE);
  draw_field (cr, MARGIN + w * 0.6, y, w * 0.4, 26, "Vencimento", due, TRUE);
  y += 26;
  draw_field (cr, MARGIN, y, w * 0.3, 26, "Número do documento", boleto->document_number, FALSE);
  draw_field (cr, MARGIN + w * 0.3, y, w * 0.3, 26, "Nosso número", boleto->nosso_numero, FALSE);
  draw_field (cr, MARGIN + w * 0.6, y, w * 0.4, 26, "Valor do documento", amount, TRUE);
  y += 26;
  draw_field (cr, MARGIN, y, w, 26, "Pagador", payer, FALSE);
  y += 26;
  if (boleto->original_due_date != NULL)
    {
      g_autofree char *original_due = format_date (boleto->original_due_date);
      g_autofree char *original = san_money_format_brl (boleto->original_amount_cents);
      g_autofree char *fine = san_money_format_brl (boleto->fine_cents);
      g_autofree char *interest = san_money_format_brl (boleto->interest_cents);
      g_autofree char *text = g_strdup_printf ("2ª via: vencimento original %s, valor original %s, "
                                               "multa (2%%) %s, juros (1%% ao mês, %" G_GINT64_FORMAT
                                               " dias) %s",
                                               original_due, original, fine, boleto->days_late,
                                               interest);

      set_font (cr, 8, FALSE);
      y += 12;
      y = draw_wrapped (cr, MARGIN, y, w, 10, text);
    }
  set_font (cr, 8, FALSE);
  y += 14;
  draw_text (cr, MARGIN, y, "Autenticação mecânica", FALSE);

  /* the cut line */
  y += 30;
  cairo_save (cr);
  {
    static const double dashes[] = { 4.0, 3.0 };

    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    draw_rule (cr, y, 0.5);
  }
  cairo_restore (cr);
  set_font (cr, 7, FALSE);
  draw_text (cr, PAGE_WIDTH - MARGIN, y - 3, "Corte na linha pontilhada", TRUE);

  /* Ficha de Compensação */
  y += 34;
  draw_bank_header (cr, y, boleto, linha != NULL ? linha : boleto->linha_digitavel);
  y += 10;
  draw_field (cr, MARGIN, y, w * 0.7, 26, "Local de pagamento",
              "Pagável em qualquer banco até o vencimento", FALSE);
  draw_field (cr, MARGIN + w * 0.7, y, w * 0.3, 26, "Vencimento", due, TRUE);
  y += 26;
  draw_field (cr, MARGIN, y, w * 0.7, 26, "Beneficiário", beneficiary, FALSE);
  draw_field (cr, MARGIN + w * 0.7, y, w * 0.3, 26, "Nosso número", boleto->nosso_numero, TRUE);
  y += 26;
  draw_field (cr, MARGIN, y, w * 0.35, 26, "Número do documento", boleto->document_number, FALSE);
  draw_field (cr, MARGIN + w * 0.35, y, w * 0.15, 26, "Espécie", "R$", FALSE);
  draw_field (cr, MARGIN + w * 0.5, y, w * 0.2, 26, "Carteira", "18", FALSE);
  draw_field (cr, MARGIN + w * 0.7, y, w * 0.3, 26, "(=) Valor do documento", amount, TRUE);
  y += 26;
  draw_field (cr, MARGIN, y, w * 0.7, 52, "Instruções",
              "Após o vencimento, multa de 2% e juros de 1% ao mês pro rata.", FALSE);
  draw_field (cr, MARGIN + w * 0.7, y, w * 0.3, 26, "(+) Mora / Multa",
              boleto->original_due_date != NULL ? "incluídos" : "", TRUE);
  draw_field (cr, MARGIN + w * 0.7, y + 26, w * 0.3, 26, "(=) Valor cobrado", amount, TRUE);
  y += 52;
  draw_field (cr, MARGIN, y, w, 30, "Pagador", payer, FALSE);
  y += 30;

  set_font (cr, 7, FALSE);
  draw_text (cr, PAGE_WIDTH - MARGIN, y + 10, "Ficha de Compensação · Autenticação mecânica", TRUE);
  draw_barcode (cr, MARGIN, y + 16, boleto->barcode);
}

GBytes *
san_portald_pdf_render_invoice (const SanPortaldPdfInvoice  *invoice,
                                const SanPortaldPdfBoleto   *boleto,
                                GError                     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_to_array_cb, data, PAGE_WIDTH, PAGE_HEIGHT);
  {
    g_autofree char *title = g_strdup_printf ("Fatura %s", invoice->number);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "SAN Internet Ltda");
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "san-portald");
  }
  cr = cairo_create (surface);

  draw_invoice_page (cr, invoice);
  cairo_show_page (cr);
  if (boleto != NULL)
    {
      draw_boleto_page (cr, boleto);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAN_PORTALD_ERROR, SAN_PORTALD_ERROR_FAILED,
                   "Could not draw the invoice PDF: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
