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

MdPrintOperation *md_print_operation_new               (MdReport          *report);
void              md_print_operation_set_database_path (MdPrintOperation  *self,
                                                        const char        *database_path);
gboolean          md_print_operation_check_output      (MdPrintOperation  *self,
                                                        GError           **error);
const GError     *md_print_operation_get_refusal       (MdPrintOperation  *self);

G_END_DECLS
