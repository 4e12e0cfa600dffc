/**
 * Fleets: one fleet file ({@code fleet.yml}) that names many mapping runs — the shards of
 * one schema and the mappings of many services — validated, dry-run, run, followed and
 * restarted as one. Each entry is one job in the job repository, named
 * {@code <fleet>.<entry>}, run in a session of its own within the fleet's Spring Batch
 * context; the entries that write one table share its write budget. A mode, beside
 * {@code run} and {@code dryrun}.
 */
@NullMarked
package io.dynamomigrate.fleet;

import org.jspecify.annotations.NullMarked;
