package io.dynamomigrate.dynamodb.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;

/**
 * The lean send path: posts a ready DynamoDB JSON body (e.g. a {@code BatchWriteItem}
 * request built from items serialized once) to the endpoint of a {@link DynamoDbClient},
 * signed with the SDK's SigV4 signer and the client's credentials provider, through an
 * SDK HTTP client of its own, and retried by the client's retry strategy (the same
 * conditions and backoff as the SDK's calls: throttling, HTTP 5xx, I/O errors). Error
 * answers become the SDK's exceptions ({@link DynamoDbErrors}), so that callers classify
 * them as they would the SDK's. No SDK request pipeline, marshalling or per-request
 * configuration. Thread-safe.
 */
public final class DirectDynamoDb implements AutoCloseable {

	private static final String SERVICE = "dynamodb";

	/** The {@code X-Amz-Target} header of each operation called. */
	private static final Map<String, String> TARGETS = new ConcurrentHashMap<>();

	private final SdkHttpClient http;

	private final URI endpoint;

	private final String region;

	private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;

	private final RetryStrategy retryStrategy;

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	private DirectDynamoDb(SdkHttpClient http, DynamoDbServiceClientConfiguration config) {
		this.http = http;
		this.region = config.region().id();
		this.endpoint = config.endpointOverride()
			.orElseGet(() -> URI.create("https://" + ServiceMetadata.of(SERVICE).endpointFor(config.region())));
		this.credentials = config.credentialsProvider();
		this.retryStrategy = config.overrideConfiguration().retryStrategy().orElseGet(DynamoDbClients::retryStrategy);
	}

	/**
	 * The direct path to the endpoint, region, credentials and retry strategy of
	 * {@code client}, with an Apache 5 HTTP client of its own of {@code maxConnections}
	 * connections.
	 */
	public static DirectDynamoDb of(DynamoDbClient client, int maxConnections) {
		return new DirectDynamoDb(DynamoDbClients.httpClient(maxConnections).build(),
				client.serviceClientConfiguration());
	}

	/** The client's retry strategy: callers may wrap it to observe attempts. */
	public RetryStrategy retryStrategy() {
		return retryStrategy;
	}

	/**
	 * Posts {@code body} as the operation {@code operation} (e.g. {@code BatchWriteItem})
	 * and returns the answer's body, retrying as {@code retries} says; throws the last
	 * failure as an {@link SdkException}
	 * ({@link software.amazon.awssdk.awscore.exception.AwsServiceException} for an error
	 * answer) when it is not retried.
	 */
	public byte[] call(String operation, byte[] body, RetryStrategy retries) {
		RetryToken token = retries.acquireInitialToken(AcquireInitialTokenRequest.create(SERVICE)).token();
		for (;;) {
			SdkException failure;
			try {
				Answer answer = attempt(operation, body);
				if (answer.status() / 100 == 2) {
					retries.recordSuccess(RecordSuccessRequest.create(token));
					return answer.body();
				}
				failure = DynamoDbErrors.exception(answer.status(), answer.body(), answer.errorType());
			}
			catch (IOException | UncheckedIOException ex) {
				failure = SdkClientException.builder()
					.message("Unable to execute HTTP request: " + ex.getMessage())
					.cause(ex)
					.build();
			}
			RefreshRetryTokenResponse refreshed;
			try {
				refreshed = retries
					.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
			}
			catch (TokenAcquisitionFailedException ex) {
				throw failure;
			}
			sleep(refreshed.delay());
			token = refreshed.token();
		}
	}

	private record Answer(int status, byte[] body, @Nullable String errorType) {
	}

	private Answer attempt(String operation, byte[] body) throws IOException {
		SdkHttpFullRequest request = SdkHttpFullRequest.builder()
			.method(SdkHttpMethod.POST)
			.uri(endpoint)
			.putHeader("Content-Type", "application/x-amz-json-1.0")
			.putHeader("X-Amz-Target", TARGETS.computeIfAbsent(operation, (o) -> "DynamoDB_20120810." + o))
			.putHeader("Content-Length", Integer.toString(body.length))
			.build();
		ContentStreamProvider payload = ContentStreamProvider.fromByteArrayUnsafe(body);
		AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
		SignedRequest signed = signer.sign((s) -> s.identity(identity)
			.request(request)
			.payload(payload)
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
			.putProperty(AwsV4HttpSigner.REGION_NAME, region));
		ExecutableHttpRequest call = http.prepareRequest(
				HttpExecuteRequest.builder().request(signed.request()).contentStreamProvider(payload).build());
		HttpExecuteResponse response = call.call();
		byte[] answer;
		try (InputStream in = response.responseBody()
			.map(InputStream.class::cast)
			.orElse(InputStream.nullInputStream())) {
			answer = in.readAllBytes();
		}
		return new Answer(response.httpResponse().statusCode(), answer,
				response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null));
	}

	private static void sleep(Duration delay) {
		if (delay.isZero() || delay.isNegative()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw AbortedException.create("Interrupted while waiting to retry a call", ex);
		}
	}

	@Override
	public void close() {
		http.close();
	}

}
