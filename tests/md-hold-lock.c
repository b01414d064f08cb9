/* md-hold-lock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another program that holds a diary's lock, for the tests: opens DB,
 * runs SQL (say "BEGIN IMMEDIATE"), prints "held" and keeps the lock
 * until its standard input closes; then commits and ends.
 *
 *   md-hold-lock DB SQL
 */

#include <stdio.h>
#include <sqlite3.h>

int
main (int   argc,
      char *argv[])
{
  sqlite3 *db = NULL;
  char *message = NULL;
  char buffer[64];

  if (argc != 3)
    {
      fprintf (stderr, "usage: md-hold-lock DB SQL\n");
      return 2;
    }

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, argv[2], NULL, NULL, &message) != SQLITE_OK)
    {
      fprintf (stderr, "md-hold-lock: %s\n", message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      sqlite3_close (db);
      return 1;
    }

  printf ("held\n");
  fflush (stdout);

  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    ;

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);

  return 0;
}
