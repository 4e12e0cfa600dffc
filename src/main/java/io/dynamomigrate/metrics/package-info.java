/**
 * Metrics of migration runs: Micrometer counters of items written, deletes, write
 * capacity consumed, throttles and rejects per mapping, item and table; runs by status
 * and their duration; watermark lag; Spring Batch's own job and step observations; and a
 * small HTTP server that serves them in Prometheus text format with a health endpoint.
 */
@NullMarked
package io.dynamomigrate.metrics;

import org.jspecify.annotations.NullMarked;
