package io.dynamomigrate.progress;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter;
import org.jspecify.annotations.Nullable;

/**
 * The live counters of one step, read from another thread: items written, WCU sent and
 * throttles (atomic counters of the step's writer), the table's limiter (budget and
 * effective rate), and the number of source rows, counted in the background (empty until
 * known, or when it cannot be counted). Thread-safe.
 *
 * @param step the step name
 * @param table the target table
 * @param items items written so far
 * @param writeUnits WCU sent so far
 * @param throttles throttles so far
 * @param limiter the table's limiter, or null when its budget is unlimited
 * @param expected the number of source rows, when known (-1 when it cannot be counted)
 */
public record StepProgress(String step, String table, LongSupplier items, LongSupplier writeUnits,
		LongSupplier throttles, @Nullable WriteCapacityLimiter limiter, CompletableFuture<Long> expected) {

	/** The row count if it is known by now, else -1. */
	public long expectedNow() {
		return expected.isDone() && !expected.isCompletedExceptionally() ? expected.join() : -1;
	}

}
