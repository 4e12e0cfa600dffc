package io.dynamomigrate.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link FaultInjectingDynamoDbProxy} does to the requests it sees. Immutable and
 * therefore safe to share between threads; change a running proxy's behaviour with
 * {@link FaultInjectingDynamoDbProxy#plan(FaultPlan)}.
 * <p>
 * Each request whose operation is in {@link #operations()} is first delayed by
 * {@link #delay()} (plus a random share of {@link #delayJitter()}, drawn only when it is
 * not zero), then draws, in this order and each with its own probability: a connection
 * reset, a throttling reply, a server error. A {@code BatchWriteItem} call that draws
 * none of these then withholds each of its write requests with probability
 * {@link #unprocessedRate()} (or all of them when {@link #alwaysUnprocessed()}). A
 * probability of zero draws nothing, so a plan that only sets {@code unprocessedRate}
 * gives the same outcome for the same seed and the same request sequence.
 *
 * @param unprocessedRate probability (0..1) that one write request of a
 * {@code BatchWriteItem} call is not forwarded but returned in {@code UnprocessedItems}
 * @param alwaysUnprocessed every write request is returned unprocessed; nothing is ever
 * written
 * @param throttleRate probability (0..1) of a 400
 * {@code ProvisionedThroughputExceededException} reply
 * @param serverErrorRate probability (0..1) of a server error reply with
 * {@code serverErrorStatus}
 * @param serverErrorStatus 500 ({@code InternalFailure}) or 503
 * ({@code ServiceUnavailable})
 * @param connectionResetRate probability (0..1) that the connection is closed without a
 * response
 * @param delay added before every reply to an operation in {@code operations}; never null
 * @param delayJitter up to this much more delay, uniformly at random per request (a host
 * whose sends are late by varying amounts); never null
 * @param seed seed of the random source, so that runs are reproducible
 * @param operations the operation names (as in {@code X-Amz-Target}) that faults apply to
 */
public record FaultPlan(double unprocessedRate, boolean alwaysUnprocessed, double throttleRate, double serverErrorRate,
		int serverErrorStatus, double connectionResetRate, Duration delay, Duration delayJitter, long seed,
		Set<String> operations) {

	/** The operation that faults apply to unless a plan names others. */
	public static final String BATCH_WRITE_ITEM = "BatchWriteItem";

	public FaultPlan {
		checkRate("unprocessedRate", unprocessedRate);
		checkRate("throttleRate", throttleRate);
		checkRate("serverErrorRate", serverErrorRate);
		checkRate("connectionResetRate", connectionResetRate);
		if (serverErrorStatus != 500 && serverErrorStatus != 503) {
			throw new IllegalArgumentException("serverErrorStatus must be 500 or 503, but was " + serverErrorStatus);
		}
		Objects.requireNonNull(delay, "A delay is required (use Duration.ZERO for none)");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative, but was " + delay);
		}
		Objects.requireNonNull(delayJitter, "A delay jitter is required (use Duration.ZERO for none)");
		if (delayJitter.isNegative()) {
			throw new IllegalArgumentException("delayJitter must not be negative, but was " + delayJitter);
		}
		operations = Set.copyOf(Objects.requireNonNull(operations, "The operations are required"));
	}

	/** A plan that forwards everything untouched. */
	public static FaultPlan none() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder that starts from this plan's values. */
	public Builder toBuilder() {
		return new Builder().unprocessedRate(this.unprocessedRate)
			.alwaysUnprocessed(this.alwaysUnprocessed)
			.throttleRate(this.throttleRate)
			.serverErrorRate(this.serverErrorRate)
			.serverErrorStatus(this.serverErrorStatus)
			.connectionResetRate(this.connectionResetRate)
			.delay(this.delay)
			.delayJitter(this.delayJitter)
			.seed(this.seed)
			.operations(this.operations);
	}

	/** Whether faults apply to {@code operation}. */
	public boolean appliesTo(String operation) {
		return this.operations.contains(operation);
	}

	private static void checkRate(String name, double rate) {
		if (!(rate >= 0.0 && rate <= 1.0)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1, but was " + rate);
		}
	}

	/** Builds a {@link FaultPlan}; every value defaults to "no fault", the seed to 0. */
	public static final class Builder {

		private double unprocessedRate;

		private boolean alwaysUnprocessed;

		private double throttleRate;

		private double serverErrorRate;

		private int serverErrorStatus = 500;

		private double connectionResetRate;

		private Duration delay = Duration.ZERO;

		private Duration delayJitter = Duration.ZERO;

		private long seed;

		private Set<String> operations = Set.of(BATCH_WRITE_ITEM);

		private Builder() {
		}

		public Builder unprocessedRate(double unprocessedRate) {
			this.unprocessedRate = unprocessedRate;
			return this;
		}

		public Builder alwaysUnprocessed(boolean alwaysUnprocessed) {
			this.alwaysUnprocessed = alwaysUnprocessed;
			return this;
		}

		public Builder throttleRate(double throttleRate) {
			this.throttleRate = throttleRate;
			return this;
		}

		public Builder serverErrorRate(double serverErrorRate) {
			this.serverErrorRate = serverErrorRate;
			return this;
		}

		public Builder serverErrorStatus(int serverErrorStatus) {
			this.serverErrorStatus = serverErrorStatus;
			return this;
		}

		public Builder connectionResetRate(double connectionResetRate) {
			this.connectionResetRate = connectionResetRate;
			return this;
		}

		public Builder delay(Duration delay) {
			this.delay = delay;
			return this;
		}

		public Builder delayJitter(Duration delayJitter) {
			this.delayJitter = delayJitter;
			return this;
		}

		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * The operations that faults apply to, e.g. {@code "BatchWriteItem", "PutItem"}.
		 */
		public Builder operations(Set<String> operations) {
			this.operations = operations;
			return this;
		}

		public Builder operations(String... operations) {
			return operations(Set.of(operations));
		}

		public FaultPlan build() {
			return new FaultPlan(this.unprocessedRate, this.alwaysUnprocessed, this.throttleRate, this.serverErrorRate,
					this.serverErrorStatus, this.connectionResetRate, this.delay, this.delayJitter, this.seed,
					this.operations);
		}

	}

}
