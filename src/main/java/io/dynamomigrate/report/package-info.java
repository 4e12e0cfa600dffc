/**
 * What a run reports: the run summary, and the rejects file with each rejected record's
 * position and reason.
 */
@NullMarked
package io.dynamomigrate.report;

import org.jspecify.annotations.NullMarked;
