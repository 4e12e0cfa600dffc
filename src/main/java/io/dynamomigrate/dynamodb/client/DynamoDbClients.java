package io.dynamomigrate.dynamodb.client;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds DynamoDB clients for a target. With no endpoint, the client talks to AWS with
 * the default credential chain and region chain; with an endpoint, it talks to that URL
 * (and uses placeholder credentials for the local endpoint, which does not check them).
 * Thread-safe.
 */
public final class DynamoDbClients {

	/** The region used for local endpoints when none is given. */
	public static final String LOCAL_REGION = "us-east-1";

	private DynamoDbClients() {
	}

	/**
	 * A client for the target.
	 * @param endpoint an endpoint URL, or null for AWS
	 * @param region a region, or null for the default region chain (or
	 * {@value #LOCAL_REGION} with an endpoint)
	 * @param localCredentials whether placeholder credentials may be used when the
	 * default chain has none (for endpoints on this machine, which do not check them)
	 * @param maxConnections HTTP connections the client may open
	 */
	public static DynamoDbClient create(@Nullable URI endpoint, @Nullable String region, boolean localCredentials,
			int maxConnections) {
		DynamoDbClientBuilder builder = DynamoDbClient.builder()
			.httpClientBuilder(httpClient(maxConnections))
			.overrideConfiguration((o) -> o.retryStrategy(retryStrategy()));
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		if (region != null) {
			builder.region(Region.of(region));
		}
		else if (endpoint != null) {
			builder.region(Region.of(LOCAL_REGION));
		}
		DefaultCredentialsProvider defaultChain = DefaultCredentialsProvider.builder().build();
		builder.credentialsProvider(localCredentials
				? AwsCredentialsProviderChain.builder().credentialsProviders(defaultChain, localCredentials()).build()
				: defaultChain);
		return builder.build();
	}

	/**
	 * The HTTP client of the SDK's calls and of {@link DirectDynamoDb}: Apache 5 with
	 * {@code maxConnections} connections, 10 s to connect, 60 s per read.
	 */
	static Apache5HttpClient.Builder httpClient(int maxConnections) {
		return Apache5HttpClient.builder()
			.maxConnections(maxConnections)
			.connectionTimeout(Duration.ofSeconds(10))
			.socketTimeout(Duration.ofSeconds(60));
	}

	/**
	 * How one call is retried on transient errors (throttling, HTTP 5xx, connection
	 * resets, timeouts): the SDK's standard conditions with up to 10 attempts,
	 * full-jitter exponential backoff (50 ms up to 5 s; 250 ms up to 10 s after
	 * throttling) and no retry-quota circuit breaker, so a burst of errors is waited out
	 * rather than failed fast. A call that still fails throws; the chunk rolls back and
	 * the step fails (restartable). Transient errors never become rejects.
	 */
	public static RetryStrategy retryStrategy() {
		return AwsRetryStrategy.standardRetryStrategy()
			.toBuilder()
			.maxAttempts(10)
			.circuitBreakerEnabled(false)
			.backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(5)))
			.throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(250), Duration.ofSeconds(10)))
			.build();
	}

	/** Whether an endpoint is on this machine (localhost or a loopback address). */
	public static boolean isLoopback(URI endpoint) {
		String host = endpoint.getHost();
		return host != null
				&& (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
	}

	/** Placeholder credentials for endpoints that do not check them (dynalite). */
	public static AwsCredentialsProvider localCredentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
	}

}
