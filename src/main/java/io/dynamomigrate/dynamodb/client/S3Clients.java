package io.dynamomigrate.dynamodb.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds S3 clients, for {@code s3://} file sources and for the objects an import
 * uploads. Credentials and region come from the SDK's default chains; an endpoint
 * override (an S3-compatible store) uses path-style addressing and sends or checks the
 * newer flexible checksums only where S3 requires them (many stores do not know them),
 * with placeholder credentials on this machine when the default chain has none.
 * Thread-safe.
 */
public final class S3Clients {

	private S3Clients() {
	}

	/**
	 * A client for AWS S3 (endpoint null) or for the S3-compatible store at the endpoint
	 * (a URL without user info, see {@link #withoutUserInfo}).
	 * @throws IllegalArgumentException when the endpoint is not a URL
	 */
	public static S3Client create(@Nullable String endpoint, int maxConnections) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(Apache5HttpClient.builder()
				.maxConnections(maxConnections)
				.connectionTimeout(Duration.ofSeconds(10))
				.socketTimeout(Duration.ofSeconds(60)))
			.crossRegionAccessEnabled(true);
		DefaultCredentialsProvider defaultChain = DefaultCredentialsProvider.builder().build();
		if (endpoint == null) {
			return builder.credentialsProvider(defaultChain).build();
		}
		URI uri = URI.create(endpoint);
		builder.endpointOverride(uri)
			.forcePathStyle(true)
			.region(regionOrLocal())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		builder.credentialsProvider(DynamoDbClients.isLoopback(uri) ? AwsCredentialsProviderChain.builder()
			.credentialsProviders(defaultChain, DynamoDbClients.localCredentials())
			.build() : defaultChain);
		return builder.build();
	}

	/**
	 * An endpoint as messages may show it and a client may use it: scheme, host, port and
	 * path, never the user info (DESIGN.md invariant 8); null for null.
	 */
	public static @Nullable String withoutUserInfo(@Nullable String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return "(an endpoint that is not a URL)";
		}
	}

	private static Region regionOrLocal() {
		try {
			return DefaultAwsRegionProviderChain.builder().build().getRegion();
		}
		catch (SdkClientException ex) {
			return Region.of(DynamoDbClients.LOCAL_REGION);
		}
	}

}
