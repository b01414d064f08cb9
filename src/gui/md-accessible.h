/* md-accessible.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *md_accessible_strip_mnemonic (const char *text);
void  md_accessible_set_name       (GtkWidget  *widget,
                                    const char *name);
void  md_accessible_fix_names      (GtkWidget  *root);
void  md_accessible_fix_names_when_mapped (GtkWidget *widget);
void  md_accessible_add_toast      (AdwToastOverlay *overlay,
                                    AdwToast        *toast);

G_END_DECLS
