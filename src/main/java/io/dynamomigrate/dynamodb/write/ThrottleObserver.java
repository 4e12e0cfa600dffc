package io.dynamomigrate.dynamodb.write;

import java.time.Duration;

import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Makes the attempts that the SDK retries by itself (throttling errors, HTTP 5xx,
 * connection resets, timeouts) visible to the writer, which would otherwise see only the
 * call's outcome: a retry strategy that wraps the client's own, reports every throttled
 * attempt ({@code ProvisionedThroughputExceededException}, {@code ThrottlingException}),
 * and before every retry serves the SDK's backoff itself and lets the writer take the
 * retry's capacity from the
 * {@link io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter WriteCapacityLimiter}
 * (an attempt that failed may still have consumed capacity, and the retry is another
 * request that reaches DynamoDB). Installed per call as an {@link SdkPlugin}, so the
 * client's retry settings stay as they are. Runs on the calling thread; one instance per
 * call.
 */
final class ThrottleObserver implements RetryStrategy {

	/** What one call's retries report to its writer. */
	interface Attempts {

		/** An attempt was throttled. */
		void throttled();

		/**
		 * The previous attempt failed and the SDK retries it after {@code backoff}:
		 * returns when the retry may be sent (after the backoff, with its capacity
		 * taken).
		 */
		void retry(Duration backoff) throws InterruptedException;

	}

	private final RetryStrategy delegate;

	private final Attempts attempts;

	private ThrottleObserver(RetryStrategy delegate, Attempts attempts) {
		this.delegate = delegate;
		this.attempts = attempts;
	}

	/**
	 * {@code delegate} with its retries reporting to {@code attempts}: for calls that do
	 * not go through the SDK's request pipeline ({@link DirectBatchCall}).
	 */
	static RetryStrategy wrap(RetryStrategy delegate, Attempts attempts) {
		return new ThrottleObserver(delegate, attempts);
	}

	/** A request plugin that makes the request's retries report to {@code attempts}. */
	static SdkPlugin plugin(Attempts attempts) {
		return (config) -> config.overrideConfiguration((override) -> {
			RetryStrategy current = override.retryStrategy();
			if (current != null && !(current instanceof ThrottleObserver)) {
				override.retryStrategy(new ThrottleObserver(current, attempts));
			}
		});
	}

	@Override
	public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
		return delegate.acquireInitialToken(request);
	}

	@Override
	public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
		if (request.failure() instanceof SdkServiceException ex && ex.isThrottlingException()) {
			attempts.throttled();
		}
		// throws when the failure is not retried: then no capacity is taken
		RefreshRetryTokenResponse response = delegate.refreshRetryToken(request);
		try {
			attempts.retry(response.delay());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw AbortedException.create("Interrupted while waiting to retry a write", ex);
		}
		return RefreshRetryTokenResponse.create(response.token(), Duration.ZERO);
	}

	@Override
	public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
		return delegate.recordSuccess(request);
	}

	@Override
	public int maxAttempts() {
		return delegate.maxAttempts();
	}

	@Override
	public boolean useClientDefaults() {
		return delegate.useClientDefaults();
	}

	@Override
	public Builder<?, ?> toBuilder() {
		return delegate.toBuilder();
	}

}
