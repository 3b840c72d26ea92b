/* san-support-level-dialog.c: the support levels compared side by side, to
 * choose a service's
 *
 * The catalogue comes from the server. Wide, the levels are three columns
 * whose rows line up (price, first response, hours, channels, what each
 * includes); narrow, the same cards one under the other (an AdwSqueezer
 * picks whichever fits). The service's level is marked; choosing another
 * and confirming sets it on the server, and the dialog says why when the
 * server refuses.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-money.h"
#include "san-service-labels.h"
#include "san-support-level-dialog.h"

/* The rows of the comparison */
typedef enum
{
  SECTION_NAME,
  SECTION_PRICE,
  SECTION_CHOOSE,     /* high up: no scrolling to choose */
  SECTION_RESPONSE,
  SECTION_HOURS,
  SECTION_CHANNELS,
  SECTION_INCLUDES,
  N_SECTIONS
} Section;

/* The two layouts, each with its own widgets for every level */
typedef enum
{
  LAYOUT_WIDE,
  LAYOUT_NARROW,
  N_LAYOUTS
} Layout;

/* A column is at least this wide; below three of them the cards stack */
#define COLUMN_MIN_WIDTH 230

struct _SanSupportLevelDialog
{
  AdwWindow       parent_instance;

  GCancellable   *cancellable;
  SanClient      *client;
  SanContract    *contract;
  SanService     *service;
  GListModel     *levels;          /* SanSupportLevel */
  GPtrArray      *choose_buttons;  /* GtkToggleButton, [level * N_LAYOUTS + layout] */
  GPtrArray      *cards;           /* the cards, indexed the same way */
  guint           chosen;          /* position in levels, or G_MAXUINT */

  guint           busy : 1;
  guint           syncing : 1;     /* the buttons change by program */
  guint           refused : 1;     /* the server will not change this service's level */

  AdwWindowTitle *window_title;
  GtkWidget      *change_button;
  GtkWidget      *spinner;
  GtkStack       *levels_stack;
  AdwStatusPage  *load_error_page;
  GtkWidget      *content_box;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkLabel       *summary_label;
  GtkGrid        *wide_grid;
  GtkBox         *narrow_box;
};

enum {
  LEVEL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanSupportLevelDialog, san_support_level_dialog, ADW_TYPE_WINDOW)

/* Words */

/* "Within 4 hours", "Within 30 minutes" */
static char *
dup_response_text (guint minutes)
{
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Within %u minute", "Within %u minutes",
                                         minutes), minutes);
  if (minutes >= 2 * 24 * 60 && minutes % (24 * 60) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Within %u day", "Within %u days",
                                         minutes / (24 * 60)), minutes / (24 * 60));
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Within %u hour", "Within %u hours",
                                         minutes / 60), minutes / 60);
  /* Translators: a first-response time in hours and minutes, like "Within 1 h 30 min" */
  return g_strdup_printf (_("Within %u h %02u min"), minutes / 60, minutes % 60);
}

/* "R$ 49,90 a month" or "included" */
static char *
dup_price_phrase (SanSupportLevel *level)
{
  gint64 cents = san_support_level_get_price_cents (level);
  g_autofree char *money = NULL;

  if (cents == 0)
    return g_strdup (C_("support level price", "included"));
  money = san_money_format_brl (cents);
  /* Translators: a support level's price, like "R$ 49,90 a month" */
  return g_strdup_printf (_("%s a month"), money);
}

static SanSupportLevel *
level_at (SanSupportLevelDialog *self,
          guint                  position)
{
  g_autoptr(SanSupportLevel) level = g_list_model_get_item (self->levels, position);

  return level;   /* still held by the model */
}

static guint
current_position (SanSupportLevelDialog *self)
{
  SanSupportLevelId current = san_service_get_support_level (self->service);
  guint n = self->levels != NULL ? g_list_model_get_n_items (self->levels) : 0;

  for (guint i = 0; i < n; i++)
    if (san_support_level_get_id (level_at (self, i)) == current)
      return i;
  return G_MAXUINT;
}

/* State */

static void
show_error (SanSupportLevelDialog *self,
            const char            *text)
{
  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->error_box, text != NULL);
}

static void
update_summary (SanSupportLevelDialog *self)
{
  SanSupportLevelId current = san_service_get_support_level (self->service);
  guint current_pos = current_position (self);
  g_autofree char *text = NULL;

  if (self->chosen == G_MAXUINT || self->chosen == current_pos)
    /* Translators: %s is a support level like "Business" */
    text = g_strdup_printf (_("This service has the %s support level. Compare the levels and "
                              "choose one to change it."),
                            san_support_level_label (current));
  else
    {
      SanSupportLevel *to = level_at (self, self->chosen);
      g_autofree char *from_price = NULL;
      g_autofree char *to_price = dup_price_phrase (to);

      if (current_pos != G_MAXUINT)
        from_price = dup_price_phrase (level_at (self, current_pos));
      else
        from_price = g_strdup ("—");
      /* Translators: a change of support level with the prices, like
       * "From Business (R$ 49,90 a month) to Premium (R$ 199,90 a month)." */
      text = g_strdup_printf (_("From %s (%s) to %s (%s). Select Change Level to confirm."),
                              san_support_level_label (current), from_price,
                              san_support_level_label (san_support_level_get_id (to)), to_price);
    }
  gtk_label_set_label (self->summary_label, text);
}

/* The buttons, cards and the Change button say what is chosen */
static void
update_choice (SanSupportLevelDialog *self)
{
  guint current = current_position (self);

  self->syncing = TRUE;
  for (guint i = 0; i < self->choose_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->choose_buttons, i);
      GtkWidget *card = g_ptr_array_index (self->cards, i);
      guint position = i / N_LAYOUTS;
      gboolean is_current = position == current;
      gboolean is_chosen = position == self->chosen && !is_current;
      const char *name = san_support_level_label (san_support_level_get_id (level_at (self, position)));
      g_autofree char *a11y = NULL;

      gtk_toggle_button_set_active (button, is_chosen);
      if (is_current)
        {
          gtk_button_set_label (GTK_BUTTON (button), _("Current Level"));
          /* Translators: for screen readers, %s is a support level */
          a11y = g_strdup_printf (_("%s, the current level"), name);
        }
      else if (is_chosen)
        {
          gtk_button_set_label (GTK_BUTTON (button), _("Chosen"));
          /* Translators: for screen readers, %s is a support level */
          a11y = g_strdup_printf (_("%s, chosen"), name);
        }
      else
        {
          gtk_button_set_label (GTK_BUTTON (button), _("C_hoose"));
          /* Translators: for screen readers, %s is a support level */
          a11y = g_strdup_printf (_("Choose %s"), name);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      gtk_widget_set_sensitive (GTK_WIDGET (button), !is_current && !self->busy && !self->refused);
      if (is_chosen)
        gtk_widget_add_css_class (card, "chosen");
      else
        gtk_widget_remove_css_class (card, "chosen");
    }
  self->syncing = FALSE;

  gtk_widget_set_sensitive (self->change_button,
                            !self->busy && !self->refused &&
                            self->chosen != G_MAXUINT && self->chosen != current);
  update_summary (self);
}

static void
set_busy (SanSupportLevelDialog *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->spinner, busy);
  update_choice (self);
}

static void
on_choose_toggled_cb (GtkToggleButton       *button,
                      SanSupportLevelDialog *self)
{
  guint index;

  if (self->syncing || !g_ptr_array_find (self->choose_buttons, button, &index))
    return;
  if (gtk_toggle_button_get_active (button))
    self->chosen = index / N_LAYOUTS;
  else if (self->chosen == index / N_LAYOUTS)
    self->chosen = G_MAXUINT;
  show_error (self, NULL);
  update_choice (self);
}

/* The comparison */

static GtkWidget *
create_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
create_text (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

/* A heading over its content */
static GtkWidget *
create_part (const char *heading,
             GtkWidget  *content)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (box), create_heading (heading));
  gtk_box_append (GTK_BOX (box), content);
  return box;
}

/* One line per item; @icon_name (nullable) before each */
static GtkWidget *
create_list (const char * const *items,
             const char         *icon_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint i = 0; items[i] != NULL; i++)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = create_text (items[i]);

      if (icon_name != NULL)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

          gtk_widget_set_valign (icon, GTK_ALIGN_START);
          gtk_widget_add_css_class (icon, "support-level-check");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          C_("included", "Included:"), -1);
          gtk_box_append (GTK_BOX (line), icon);
        }
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (box), line);
    }
  return box;
}

static GtkWidget *
create_cell (SanSupportLevelDialog *self,
             guint                  position,
             Section                section,
             Layout                 layout)
{
  SanSupportLevel *level = level_at (self, position);
  SanSupportLevelId id = san_support_level_get_id (level);
  GtkWidget *cell = NULL;

  switch (section)
    {
    case SECTION_NAME:
      {
        GtkWidget *name = gtk_label_new (san_support_level_label (id));

        cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
        gtk_label_set_xalign (GTK_LABEL (name), 0);
        gtk_label_set_wrap (GTK_LABEL (name), TRUE);
        gtk_widget_set_hexpand (name, TRUE);
        gtk_widget_add_css_class (name, "title-2");
        gtk_box_append (GTK_BOX (cell), name);
        if (position == current_position (self))
          {
            GtkWidget *badge = gtk_label_new (C_("support level", "Current"));

            gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
            gtk_widget_add_css_class (badge, "status-badge");
            gtk_widget_add_css_class (badge, "support-level-current");
            gtk_box_append (GTK_BOX (cell), badge);
          }
      }
      break;

    case SECTION_PRICE:
      {
        gint64 cents = san_support_level_get_price_cents (level);
        g_autofree char *money = cents > 0 ? san_money_format_brl (cents) : NULL;
        GtkWidget *price = create_text (cents > 0 ? money : C_("support level price", "Included"));
        GtkWidget *note = create_text (cents > 0 ? _("a month, per service")
                                                 : _("at no extra cost"));

        cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        gtk_widget_add_css_class (price, "title-1");
        gtk_widget_add_css_class (price, "numeric");
        gtk_widget_add_css_class (note, "dim-label");
        gtk_widget_add_css_class (note, "caption");
        gtk_box_append (GTK_BOX (cell), price);
        gtk_box_append (GTK_BOX (cell), note);
      }
      break;

    case SECTION_RESPONSE:
      {
        g_autofree char *text = dup_response_text (san_support_level_get_first_response_minutes (level));

        cell = create_part (_("First response"), create_text (text));
      }
      break;

    case SECTION_HOURS:
      cell = create_part (_("People answer"), create_text (san_support_level_get_human_hours (level)));
      break;

    case SECTION_CHANNELS:
      cell = create_part (_("Channels"), create_list (san_support_level_get_channels (level), NULL));
      break;

    case SECTION_INCLUDES:
      cell = create_part (_("Includes"), create_list (san_support_level_get_includes (level),
                                                      "object-select-symbolic"));
      break;

    case SECTION_CHOOSE:
      {
        /* Its label and accessible name: update_choice() */
        cell = gtk_toggle_button_new_with_mnemonic (_("C_hoose"));
        gtk_widget_set_halign (cell, GTK_ALIGN_FILL);
        gtk_widget_set_valign (cell, GTK_ALIGN_START);
        gtk_widget_add_css_class (cell, "support-level-choose");
        /* The tests find a level's button by name */
        gtk_widget_set_name (cell, san_support_level_id_to_wire (id));
        g_signal_connect_object (cell, "toggled", G_CALLBACK (on_choose_toggled_cb), self, 0);
        g_ptr_array_index (self->choose_buttons, position * N_LAYOUTS + layout) = cell;
      }
      break;

    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }

  /* Inside the card */
  gtk_widget_set_margin_start (cell, 18);
  gtk_widget_set_margin_end (cell, 18);
  if (section == SECTION_NAME)
    gtk_widget_set_margin_top (cell, 18);
  if (section == N_SECTIONS - 1)
    gtk_widget_set_margin_bottom (cell, 18);
  return cell;
}

static GtkWidget *
create_card (SanSupportLevelDialog *self,
             guint                  position,
             Layout                 layout)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "support-level-card");
  if (position == current_position (self))
    gtk_widget_add_css_class (card, "current");
  g_ptr_array_index (self->cards, position * N_LAYOUTS + layout) = card;
  return card;
}

static void
clear_layouts (SanSupportLevelDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->wide_grid))) != NULL)
    gtk_grid_remove (self->wide_grid, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->narrow_box))) != NULL)
    gtk_box_remove (self->narrow_box, child);
  g_ptr_array_set_size (self->choose_buttons, 0);
  g_ptr_array_set_size (self->cards, 0);
}

static void
build_layouts (SanSupportLevelDialog *self)
{
  guint n = g_list_model_get_n_items (self->levels);

  clear_layouts (self);
  g_ptr_array_set_size (self->choose_buttons, n * N_LAYOUTS);
  g_ptr_array_set_size (self->cards, n * N_LAYOUTS);

  for (guint i = 0; i < n; i++)
    {
      /* Wide: a card behind each column, the cells on it, row by row */
      GtkWidget *background = create_card (self, i, LAYOUT_WIDE);
      GtkWidget *card;

      gtk_widget_set_size_request (background, COLUMN_MIN_WIDTH, -1);
      gtk_grid_attach (self->wide_grid, background, (int) i, 0, 1, N_SECTIONS);
      for (Section s = 0; s < N_SECTIONS; s++)
        gtk_grid_attach (self->wide_grid, create_cell (self, i, s, LAYOUT_WIDE), (int) i, (int) s, 1, 1);

      /* Narrow: the same, one card under the other */
      card = create_card (self, i, LAYOUT_NARROW);
      for (Section s = 0; s < N_SECTIONS; s++)
        gtk_box_append (GTK_BOX (card), create_cell (self, i, s, LAYOUT_NARROW));
      gtk_box_append (self->narrow_box, card);
    }
  update_choice (self);
}

/* Loading */

static void
on_levels_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) levels = NULL;
  SanSupportLevelDialog *self;

  levels = san_client_list_support_levels_finish (SAN_CLIENT (object), result, &error);
  if (levels == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_SUPPORT_LEVEL_DIALOG (user_data);
  if (levels == NULL || g_list_model_get_n_items (levels) == 0)
    {
      adw_status_page_set_description (self->load_error_page,
                                       levels == NULL
                                       ? error->message
                                       : _("SAN offers no support levels right now."));
      gtk_stack_set_visible_child_name (self->levels_stack, "error");
      return;
    }

  g_set_object (&self->levels, levels);
  self->chosen = G_MAXUINT;
  build_layouts (self);
  gtk_stack_set_visible_child_name (self->levels_stack, "levels");
}

static void
load (SanSupportLevelDialog *self)
{
  gtk_stack_set_visible_child_name (self->levels_stack, "loading");
  san_client_list_support_levels_async (self->client, san_contract_get_id (self->contract),
                                        self->cancellable, on_levels_loaded_cb, self);
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  load (SAN_SUPPORT_LEVEL_DIALOG (widget));
}

/* Changing */

static void
on_level_set_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanService) service = NULL;
  SanSupportLevelDialog *self;

  service = san_client_set_support_level_finish (SAN_CLIENT (object), result, &error);
  if (service == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_SUPPORT_LEVEL_DIALOG (user_data);
  set_busy (self, FALSE);
  if (service == NULL)
    {
      if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_CONFLICT))
        {
          /* Trying again would not help */
          self->refused = TRUE;
          update_choice (self);
          show_error (self, _("This service is cancelled or terminated, so its support level can "
                              "no longer be changed."));
        }
      else if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
        show_error (self, _("You don’t have permission to change the support level of this "
                            "contract’s services. The contract’s owner can give it to you."));
      else if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_NOT_FOUND))
        show_error (self, _("This service is no longer in the contract."));
      else if (error->domain == SAN_API_ERROR &&
               (error->code == SAN_API_ERROR_NETWORK || error->code == SAN_API_ERROR_SERVER))
        show_error (self, _("SAN could not be reached, so the level was not changed. Check your "
                            "connection and try again."));
      else
        show_error (self, error->message);
      return;
    }

  g_set_object (&self->service, service);
  g_signal_emit (self, signals[LEVEL_CHANGED], 0, service);
  gtk_window_close (GTK_WINDOW (self));
}

static void
change_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SanSupportLevelDialog *self = SAN_SUPPORT_LEVEL_DIALOG (widget);

  if (self->busy || self->levels == NULL || self->chosen == G_MAXUINT ||
      self->chosen == current_position (self))
    return;

  show_error (self, NULL);
  set_busy (self, TRUE);
  san_client_set_support_level_async (self->client,
                                      san_contract_get_id (self->contract),
                                      san_service_get_id (self->service),
                                      san_support_level_get_id (level_at (self, self->chosen)),
                                      self->cancellable,
                                      on_level_set_cb,
                                      self);
}

/* GtkWindow */

static gboolean
san_support_level_dialog_close_request (GtkWindow *window)
{
  SanSupportLevelDialog *self = SAN_SUPPORT_LEVEL_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (san_support_level_dialog_parent_class)->close_request (window);
}

/* GObject */

static void
san_support_level_dialog_dispose (GObject *object)
{
  SanSupportLevelDialog *self = SAN_SUPPORT_LEVEL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_SUPPORT_LEVEL_DIALOG);

  g_clear_pointer (&self->choose_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_object (&self->levels);
  g_clear_object (&self->service);
  g_clear_object (&self->contract);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (san_support_level_dialog_parent_class)->dispose (object);
}

static void
san_support_level_dialog_class_init (SanSupportLevelDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = san_support_level_dialog_dispose;
  window_class->close_request = san_support_level_dialog_close_request;

  signals[LEVEL_CHANGED] =
    g_signal_new ("level-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_SERVICE);

  g_type_ensure (ADW_TYPE_SQUEEZER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-support-level-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, change_button);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, levels_stack);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, load_error_page);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, wide_grid);
  gtk_widget_class_bind_template_child (widget_class, SanSupportLevelDialog, narrow_box);

  gtk_widget_class_install_action (widget_class, "level.change", NULL, change_action_cb);
  gtk_widget_class_install_action (widget_class, "level.reload", NULL, reload_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
san_support_level_dialog_init (SanSupportLevelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->choose_buttons = g_ptr_array_new ();
  self->cards = g_ptr_array_new ();
  self->chosen = G_MAXUINT;
}

SanSupportLevelDialog *
san_support_level_dialog_new (GtkWindow   *parent,
                              SanClient   *client,
                              SanContract *contract,
                              SanService  *service)
{
  SanSupportLevelDialog *self;
  const char *domain;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (SAN_IS_CONTRACT (contract), NULL);
  g_return_val_if_fail (SAN_IS_SERVICE (service), NULL);

  self = g_object_new (SAN_TYPE_SUPPORT_LEVEL_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);
  self->contract = g_object_ref (contract);
  self->service = g_object_ref (service);

  /* "padariapaoquente.com.br · Hospedagem Linux", "Cloud Server · Cloud 4 GB" */
  domain = san_service_get_domain (service);
  if (domain[0] != '\0')
    /* Translators: a service: its domain and product */
    subtitle = g_strdup_printf (C_("service choice", "%s · %s"), domain, san_service_get_product (service));
  else
    /* Translators: a service: its product and plan */
    subtitle = g_strdup_printf (C_("service choice", "%s · %s"), san_service_get_product (service),
                                san_service_get_plan (service));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  load (self);
  return self;
}
