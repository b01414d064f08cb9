/* md-bench-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every benchmark does the same way: timing, order statistics, a
 * scratch folder that goes at exit, and generated diaries.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double  md_bench_elapsed_ms     (gint64      start);
double  md_bench_percentile     (GArray     *values,
                                 double      p);
double  md_bench_median         (GArray     *values);
double  md_bench_worst          (GArray     *values);
char   *md_bench_make_dir       (const char *name);
void    md_bench_generate_diary (const char *generator,
                                 const char *path,
                                 const char *option,
                                 const char *value);

G_END_DECLS
