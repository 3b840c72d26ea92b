/* san-sign-in-page.h: server, e-mail and password, and the sign-in itself
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "san-api.h"

G_BEGIN_DECLS

#define SAN_TYPE_SIGN_IN_PAGE (san_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (SanSignInPage, san_sign_in_page, SAN, SIGN_IN_PAGE, GtkWidget)

/* The store the new session's tokens go to */
void        san_sign_in_page_set_token_store (SanSignInPage *self,
                                              SanTokenStore *store);
const char *san_sign_in_page_get_server      (SanSignInPage *self);
void        san_sign_in_page_set_server      (SanSignInPage *self,
                                              const char    *server);
void        san_sign_in_page_set_email       (SanSignInPage *self,
                                              const char    *email);
/* Shows @message under the fields (NULL hides it) */
void        san_sign_in_page_set_error       (SanSignInPage *self,
                                              const char    *message);
/* Forgets the password and any error, and puts the focus in the first
 * empty field. */
void        san_sign_in_page_reset           (SanSignInPage *self);

/* Signals:
 *   "signed-in" (SanClient *client): a new session, kept in the token store. */

G_END_DECLS
