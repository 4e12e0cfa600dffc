/**
 * The migration job: assembly of steps from a mapping, the job repository, running and
 * summarising executions, exit codes.
 */
@NullMarked
package io.dynamomigrate.job;

import org.jspecify.annotations.NullMarked;
