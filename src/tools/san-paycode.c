/* san-paycode.c: tells what a boleto or PIX code is and whether it is valid
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

int
main (int   argc,
      char *argv[])
{
  return 2;
}
