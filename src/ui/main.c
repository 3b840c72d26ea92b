/* main.c: san-client-area, the SAN Client Area desktop app
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "san-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SanApplication) app = NULL;

  setlocale (LC_ALL, "");
  san_application_init_i18n ();

  app = san_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
