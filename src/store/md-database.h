/* md-database.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long a connection waits for another program's lock before it says
 * the diary is in use, in milliseconds: the command line and worker
 * threads wait; the window waits long enough for another program's
 * single save, short enough never to freeze (md_database_open_full(),
 * md_database_set_lock_wait()). */
#define MD_DATABASE_LOCK_WAIT_DEFAULT 5000
#define MD_DATABASE_LOCK_WAIT_INTERACTIVE 100

/* The schema this version of the app writes; PRAGMA user_version. */
#define MD_DATABASE_SCHEMA_VERSION 3

/* Why a dose was given when the patient did not say (CLINICAL.md, "why a
 * dose was given decides how it counts"): an SQL expression over a row
 * named `doses`, 'acute' or 'prevention'. In order:
 *  1. linked to an attack: acute (it treated that attack);
 *  2. a medication whose use is preventive: prevention (a daily tablet);
 *  3. an infusion given in a clinic: prevention (a scheduled infusion);
 *  4. a medication with a preventive course going on that day, on a day
 *     without headache (no attack touches it, not marked "headache"):
 *     prevention;
 *  5. otherwise acute.
 * Schema migration 2 applies it to the doses a diary already has: to
 * change the rule, first copy this text into that migration literally. */
#define MD_DATABASE_DOSE_DEFAULT_PURPOSE \
  "CASE" \
  " WHEN doses.attack_uuid IS NOT NULL THEN 'acute'" \
  " WHEN (SELECT m.use FROM medications m WHERE m.uuid = doses.medication_uuid) = 'preventive'" \
  "  THEN 'prevention'" \
  " WHEN doses.route = 'iv' AND doses.setting = 'clinic' THEN 'prevention'" \
  " WHEN EXISTS (SELECT 1 FROM preventive_courses c" \
  "              WHERE c.medication_uuid = doses.medication_uuid" \
  "              AND c.start_date <= date (doses.taken_time + doses.taken_offset, 'unixepoch')" \
  "              AND (c.end_date IS NULL" \
  "                   OR c.end_date >= date (doses.taken_time + doses.taken_offset, 'unixepoch')))" \
  "  AND NOT EXISTS (SELECT 1 FROM days y" \
  "                  WHERE y.date = date (doses.taken_time + doses.taken_offset, 'unixepoch')" \
  "                  AND y.status = 'headache')" \
  "  AND NOT EXISTS (SELECT 1 FROM attacks a" \
  "                  WHERE a.start_time < (doses.taken_time + doses.taken_offset) / 86400 * 86400" \
  "                                       - doses.taken_offset + 86400" \
  "                  AND (a.end_time IS NULL" \
  "                       OR a.end_time > (doses.taken_time + doses.taken_offset) / 86400 * 86400" \
  "                                       - doses.taken_offset))" \
  "  THEN 'prevention'" \
  " ELSE 'acute' END"

#define MD_TYPE_DATABASE (md_database_get_type ())

G_DECLARE_FINAL_TYPE (MdDatabase, md_database, MD, DATABASE, GObject)

MdDatabase   *md_database_open                 (const char           *path,
                                                GError              **error);
MdDatabase   *md_database_open_full            (const char           *path,
                                                guint                 lock_wait_ms,
                                                GError              **error);
const char   *md_database_get_path             (MdDatabase           *self);
void          md_database_close                (MdDatabase           *self);
gboolean      md_database_is_closed            (MdDatabase           *self);
gboolean      md_database_is_read_only         (MdDatabase           *self);
gboolean      md_database_check_writable       (MdDatabase           *self,
                                                GError              **error);
void          md_database_set_lock_wait        (MdDatabase           *self,
                                                guint                 milliseconds);
guint         md_database_get_lock_wait        (MdDatabase           *self);

char         *md_database_find_newest_backup   (const char           *database_path);
GPtrArray    *md_database_list_backups         (const char           *database_path);
gboolean      md_database_backup_if_due        (const char           *database_path,
                                                GDateTime            *now,
                                                char                **out_backup_path,
                                                GError              **error);
void          md_database_backup_if_due_async  (const char           *database_path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean      md_database_backup_if_due_finish (GAsyncResult         *result,
                                                char                **out_backup_path,
                                                GError              **error);
gboolean      md_database_restore_backup       (const char           *backup_path,
                                                const char           *database_path,
                                                GError              **error);

G_END_DECLS
