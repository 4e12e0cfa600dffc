/**
 * The {@code dry-run} mode: reads and maps everything as a run would, writes nothing,
 * checks the target tables, and reports what a run would do
 * ({@link io.dynamomigrate.dryrun.DryRunResult}).
 */
@NullMarked
package io.dynamomigrate.dryrun;

import org.jspecify.annotations.NullMarked;
