/* md-print-operation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "md-report.h"

G_BEGIN_DECLS

#define MD_TYPE_PRINT_OPERATION (md_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (MdPrintOperation, md_print_operation, MD, PRINT_OPERATION, GtkPrintOperation)

MdPrintOperation *md_print_operation_new (MdReport *report);

G_END_DECLS
