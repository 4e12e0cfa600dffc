/**
 * Live progress of a run: per step, items written, items/s, WCU/s against the table's
 * budget and effective rate, throttles, and an ETA from a row count taken up front; a
 * progress bar on a terminal, a log line every few seconds otherwise.
 */
@NullMarked
package io.dynamomigrate.progress;

import org.jspecify.annotations.NullMarked;
