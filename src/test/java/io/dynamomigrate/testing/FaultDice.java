package io.dynamomigrate.testing;

import java.util.Random;

/**
 * A {@link FaultPlan} with its random source, seeded from the plan. Draws are serialised,
 * so that one seed and one sequence of requests give one sequence of faults. Thread-safe.
 */
final class FaultDice {

	private final FaultPlan plan;

	private final Random random;

	FaultDice(FaultPlan plan) {
		this.plan = plan;
		this.random = new Random(plan.seed());
	}

	FaultPlan plan() {
		return this.plan;
	}

	/**
	 * The fault for one request: a reset, a throttle or a server error, each drawn only
	 * if its rate is set.
	 */
	synchronized Fault drawFault() {
		if (draw(this.plan.connectionResetRate())) {
			return Fault.CONNECTION_RESET;
		}
		if (draw(this.plan.throttleRate())) {
			return Fault.THROTTLE;
		}
		if (draw(this.plan.serverErrorRate())) {
			return Fault.SERVER_ERROR;
		}
		return Fault.NONE;
	}

	/**
	 * The delay of one request: the plan's delay plus a random share of its jitter (drawn
	 * only when set).
	 */
	synchronized long delayNanos() {
		long jitter = this.plan.delayJitter().toNanos();
		return this.plan.delay().toNanos() + (jitter > 0 ? (long) (this.random.nextDouble() * jitter) : 0);
	}

	/** Whether to withhold one write request of a {@code BatchWriteItem} call. */
	synchronized boolean withhold() {
		return this.plan.alwaysUnprocessed() || draw(this.plan.unprocessedRate());
	}

	private boolean draw(double rate) {
		return rate > 0 && this.random.nextDouble() < rate;
	}

	/** What one request gets, besides withheld writes. */
	enum Fault {

		NONE, CONNECTION_RESET, THROTTLE, SERVER_ERROR

	}

}
