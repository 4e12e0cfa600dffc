package io.dynamomigrate.dynamodb;

/**
 * The effective write rate of a table under additive-increase / multiplicative-decrease control: it starts at the
 * budget; a throttle ({@code ProvisionedThroughputExceededException}, {@code ThrottlingException} or a partially
 * unprocessed batch) multiplies it by {@link #DECREASE_FACTOR}, at most once per {@link #DECREASE_INTERVAL_NANOS}
 * (concurrent calls throttled together are one episode); every full second without a throttle adds
 * {@link #INCREASE_FRACTION} of the budget, up to the budget. Never below {@link #MIN_FRACTION} of the budget (at
 * least 1 WCU/s). Times are nanoseconds from the caller's clock. Not thread-safe: guarded by
 * {@link WriteCapacityLimiter}'s lock.
 */
final class AdaptiveRate {

	/** A throttle halves the rate. */
	static final double DECREASE_FACTOR = 0.5;

	/** Throttles closer together than this are one episode: the rate is lowered once. */
	static final long DECREASE_INTERVAL_NANOS = 500_000_000L;

	/** Each quiet second raises the rate by this share of the budget (from the floor to the budget in 20 s). */
	static final double INCREASE_FRACTION = 0.05;

	/** The rate never goes below this share of the budget. */
	static final double MIN_FRACTION = 0.02;

	private static final long SECOND = 1_000_000_000L;

	private final double budget;

	private final double floor;

	private double rate;

	private long lastChange;

	private long lastDecrease;

	private long throttles;

	AdaptiveRate(double budget, long now) {
		this.budget = budget;
		this.floor = Math.max(Math.min(1.0, budget), budget * MIN_FRACTION);
		this.rate = budget;
		this.lastChange = now;
		this.lastDecrease = now - DECREASE_INTERVAL_NANOS;
	}

	/** The effective rate at {@code now}, WCU/s, after any additive increases that quiet time has earned. */
	double at(long now) {
		long quietSeconds = (now - lastChange) / SECOND;
		if (quietSeconds > 0) {
			if (rate < budget) {
				rate = Math.min(budget, rate + quietSeconds * INCREASE_FRACTION * budget);
			}
			lastChange += quietSeconds * SECOND;
		}
		return rate;
	}

	/** Records a throttle at {@code now}: lowers the rate unless it was lowered within the decrease interval. */
	void throttled(long now) {
		at(now);
		throttles++;
		if (now - lastDecrease >= DECREASE_INTERVAL_NANOS) {
			rate = Math.max(floor, rate * DECREASE_FACTOR);
			lastDecrease = now;
		}
		lastChange = now;
	}

	long throttles() {
		return throttles;
	}

	double budget() {
		return budget;
	}

}
