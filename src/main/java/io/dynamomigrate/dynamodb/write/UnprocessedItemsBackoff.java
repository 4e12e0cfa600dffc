package io.dynamomigrate.dynamodb.write;

import java.time.Duration;

import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * How unprocessed items are retried: full-jitter exponential backoff (a random delay
 * between zero and {@code min(maxDelay, baseDelay * 2^attempt)}, the AWS SDK's
 * {@link BackoffStrategy#exponentialDelay}) for at most {@code maxAttempts} retries,
 * after which the step fails and can be restarted.
 *
 * @param maxAttempts retries of one request before giving up
 * @param baseDelay the first delay's upper bound
 * @param maxDelay the largest delay
 */
public record UnprocessedItemsBackoff(int maxAttempts, Duration baseDelay, Duration maxDelay) {

	/**
	 * 10 retries from 50 ms up to 5 s: about 20 s of waiting at worst before a step
	 * fails.
	 */
	public static final UnprocessedItemsBackoff DEFAULT = new UnprocessedItemsBackoff(10, Duration.ofMillis(50),
			Duration.ofSeconds(5));

	public UnprocessedItemsBackoff {
		if (maxAttempts < 0) {
			throw new IllegalArgumentException("maxAttempts must not be negative");
		}
		if (baseDelay.toMillis() < 1 || maxDelay.compareTo(baseDelay) < 0) {
			throw new IllegalArgumentException("baseDelay must be at least 1 ms and maxDelay at least baseDelay");
		}
	}

	public BackoffStrategy backoff() {
		return BackoffStrategy.exponentialDelay(baseDelay, maxDelay);
	}

}
