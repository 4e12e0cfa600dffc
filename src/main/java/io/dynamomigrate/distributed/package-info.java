/**
 * The distributed mode: the {@code worker} command's long-lived worker process, which
 * runs the partitions a manager ({@code run --distributed}) sends over the broker, each
 * with the mapping its execution recorded in the job repository.
 */
@NullMarked
package io.dynamomigrate.distributed;

import org.jspecify.annotations.NullMarked;
