/* md-no-tmpfile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preload for tests: open() with O_TMPFILE fails with EOPNOTSUPP, as
 * on a file system without unnamed files (FAT, older NFS), so that the
 * named temporary files of md-file.c are what the test exercises.
 */

/* open() and open64() are two functions here, not one renamed */
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/types.h>

typedef int (*OpenFunc) (const char *path,
                         int         flags,
                         ...);

static int
forward (const char *path,
         int         flags,
         va_list     args)
{
  OpenFunc real = (OpenFunc) dlsym (RTLD_NEXT, "open");
  mode_t mode = 0;

  if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE)
    mode = va_arg (args, mode_t);
  if ((flags & O_TMPFILE) == O_TMPFILE)
    {
      errno = EOPNOTSUPP;
      return -1;
    }

  return real (path, flags, mode);
}

int
open (const char *path,
      int         flags,
      ...)
{
  va_list args;
  int fd;

  va_start (args, flags);
  fd = forward (path, flags, args);
  va_end (args);

  return fd;
}

/* The same function on 64-bit systems; a program built with
 * _FILE_OFFSET_BITS=64 calls it by this name. */
int open64 (const char *path,
            int         flags,
            ...) __attribute__ ((alias ("open")));
