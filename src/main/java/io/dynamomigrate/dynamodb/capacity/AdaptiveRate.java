package io.dynamomigrate.dynamodb.capacity;

/**
 * An effective write rate under additive-increase / multiplicative-decrease control,
 * counted in whole seconds from its start or its last throttling error. It starts at the
 * budget and reacts to two signals:
 * <ul>
 * <li>a throttling error ({@code ProvisionedThroughputExceededException},
 * {@code ThrottlingException}: DynamoDB refused a whole call) multiplies it by
 * {@link #DECREASE_FACTOR}, at most once per {@link #DECREASE_INTERVAL_NANOS} (concurrent
 * calls throttled together are one episode);</li>
 * <li>items returned unprocessed lower it in proportion to what was refused: at the end
 * of each second, by {@link #PROPORTIONAL_DECREASE} of the share of the WCU sent in that
 * second that came back unprocessed (1 % refused lowers it by 0.25 %, everything refused
 * by a quarter).</li>
 * </ul>
 * Every second without a throttling error in which less than
 * {@link #INCREASE_BELOW_SHARE} of what was sent came back adds
 * {@link #INCREASE_FRACTION} of the budget, up to the budget. So a steady share of
 * refusals that does not fall when the rate does (refusals unrelated to the rate) holds
 * the rate where the small decrease and the increase meet (over two thirds of the budget
 * at 30 % refused), while a partition that refuses more the faster it is written
 * (capacity) holds it near what it accepts (within about twice that). Never below
 * {@link #MIN_FRACTION} of the budget (at least 1 WCU/s). Times are nanoseconds from the
 * caller's clock. Not thread-safe: guarded by its owner's lock.
 */
final class AdaptiveRate {

	/** A throttling error halves the rate. */
	static final double DECREASE_FACTOR = 0.5;

	/**
	 * Throttling errors closer together than this are one episode: the rate is lowered
	 * once.
	 */
	static final long DECREASE_INTERVAL_NANOS = 500_000_000L;

	/**
	 * Each second lowers the rate by this much of the share of its WCU that came back
	 * unprocessed.
	 */
	static final double PROPORTIONAL_DECREASE = 0.25;

	/**
	 * A second in which this share of the WCU sent, or more, came back unprocessed does
	 * not raise the rate.
	 */
	static final double INCREASE_BELOW_SHARE = 0.5;

	/**
	 * Each quiet second raises the rate by this share of the budget (from the floor to
	 * the budget in 20 s).
	 */
	static final double INCREASE_FRACTION = 0.05;

	/** The rate never goes below this share of the budget. */
	static final double MIN_FRACTION = 0.02;

	private static final long SECOND = 1_000_000_000L;

	private final double budget;

	private final double floor;

	private double rate;

	/** The start of the second being counted. */
	private long second;

	private long sent;

	private long refused;

	private long lastDecrease;

	private long throttles;

	AdaptiveRate(double budget, long now) {
		this.budget = budget;
		this.floor = Math.max(Math.min(1.0, budget), budget * MIN_FRACTION);
		this.rate = budget;
		this.second = now;
		this.lastDecrease = now - DECREASE_INTERVAL_NANOS;
	}

	/**
	 * The effective rate at {@code now}, WCU/s, after the seconds that have ended since
	 * the last call.
	 */
	double at(long now) {
		long seconds = (now - second) / SECOND;
		if (seconds > 0) {
			double share = sent > 0 ? (double) refused / sent : 0;
			rate = Math.max(floor, rate * (1 - share * PROPORTIONAL_DECREASE));
			// the first second is the one counted; any later ones were quiet
			long quiet = seconds - (share >= INCREASE_BELOW_SHARE ? 1 : 0);
			rate = Math.min(budget, rate + quiet * INCREASE_FRACTION * budget);
			second += seconds * SECOND;
			sent = 0;
			refused = 0;
		}
		return rate;
	}

	/**
	 * Records a throttling error at {@code now}: lowers the rate unless it was lowered
	 * within the interval; the seconds are counted from here on (what was counted of the
	 * current one is dropped).
	 */
	void throttled(long now) {
		at(now);
		throttles++;
		if (now - lastDecrease >= DECREASE_INTERVAL_NANOS) {
			rate = Math.max(floor, rate * DECREASE_FACTOR);
			lastDecrease = now;
		}
		second = now;
		sent = 0;
		refused = 0;
	}

	/**
	 * Records an answered call at {@code now}: {@code units} WCU sent,
	 * {@code refusedUnits} of them unprocessed.
	 */
	void answered(long now, long units, long refusedUnits) {
		at(now);
		sent += units;
		refused += refusedUnits;
	}

	long throttles() {
		return throttles;
	}

	double budget() {
		return budget;
	}

}
