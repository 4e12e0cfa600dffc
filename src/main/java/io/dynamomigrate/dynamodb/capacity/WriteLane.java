package io.dynamomigrate.dynamodb.capacity;

import java.util.function.LongSupplier;

/**
 * A writer's own rate within its table's {@link WriteCapacityLimiter} (see
 * {@link WriteCapacityLimiter#lane()}): the share of its calls that DynamoDB answers with
 * unprocessed items lowers this rate ({@link AdaptiveRate}), not the rate of the table's
 * other writers. Thread-safe.
 */
public final class WriteLane {

	private final WriteCapacityLimiter limiter;

	private final long budget;

	private final LongSupplier nanoTime;

	private final AdaptiveRate rate;

	private long paidUntil = Long.MIN_VALUE;

	WriteLane(WriteCapacityLimiter limiter, long budget, LongSupplier nanoTime) {
		this.limiter = limiter;
		this.budget = budget;
		this.nanoTime = nanoTime;
		this.rate = new AdaptiveRate(budget, nanoTime.getAsLong());
	}

	/**
	 * The instant the lane's rate lets {@code cost} WCU go: now, unless the rate is below
	 * the budget.
	 */
	synchronized long pace(long cost) {
		long now = nanoTime.getAsLong();
		double effective = rate.at(now);
		if (effective >= budget) {
			paidUntil = Long.MIN_VALUE;
			return now;
		}
		paidUntil = WriteCapacityLimiter.paidUntil(paidUntil, now, cost, effective);
		return paidUntil - WriteCapacityLimiter.PACING_TOLERANCE_NANOS;
	}

	/**
	 * A call of {@code units} WCU was answered with {@code refusedUnits} of them
	 * unprocessed.
	 */
	public void answered(long units, long refusedUnits) {
		synchronized (this) {
			rate.answered(nanoTime.getAsLong(), units, refusedUnits);
		}
		if (refusedUnits > 0) {
			limiter.partlyUnprocessed();
		}
	}

	/** The lane's rate now, WCU/s. */
	public synchronized double effectiveRate() {
		return rate.at(nanoTime.getAsLong());
	}

}
