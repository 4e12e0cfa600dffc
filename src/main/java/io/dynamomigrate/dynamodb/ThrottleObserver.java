package io.dynamomigrate.dynamodb;

import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Tells a {@link WriteCapacityLimiter} about throttling errors that the SDK retries by itself
 * ({@code ProvisionedThroughputExceededException}, {@code ThrottlingException}), which the writer would otherwise
 * never see: a retry strategy that wraps the client's own and reports every throttled attempt before delegating.
 * Installed per request as an {@link SdkPlugin}, so the client's retry settings stay as they are. Thread-safe.
 */
final class ThrottleObserver implements RetryStrategy {

	private final RetryStrategy delegate;

	private final Runnable onThrottle;

	private ThrottleObserver(RetryStrategy delegate, Runnable onThrottle) {
		this.delegate = delegate;
		this.onThrottle = onThrottle;
	}

	/** A request plugin that makes the request's retries report throttles to {@code onThrottle}. */
	static SdkPlugin plugin(Runnable onThrottle) {
		return (config) -> config.overrideConfiguration((override) -> {
			RetryStrategy current = override.retryStrategy();
			if (current != null && !(current instanceof ThrottleObserver)) {
				override.retryStrategy(new ThrottleObserver(current, onThrottle));
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
			onThrottle.run();
		}
		return delegate.refreshRetryToken(request);
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
