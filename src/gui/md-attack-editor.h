/* md-attack-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-context.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_ATTACK_EDITOR (md_attack_editor_get_type ())

G_DECLARE_FINAL_TYPE (MdAttackEditor, md_attack_editor, MD, ATTACK_EDITOR, AdwWindow)

MdAttackEditor *md_attack_editor_new          (GtkWindow      *parent,
                                               MdContext      *context,
                                               MdAttack       *attack);
MdAttack       *md_attack_editor_get_attack   (MdAttackEditor *self);
const char     *md_attack_editor_get_problem  (MdAttackEditor *self);
gboolean        md_attack_editor_save         (MdAttackEditor *self);

G_END_DECLS
