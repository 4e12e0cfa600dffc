package io.dynamomigrate.dynamodb.client;

import java.net.URI;
import java.nio.file.Path;

import io.dynamomigrate.mapping.model.DynamoDbSpec;
import io.dynamomigrate.mapping.model.Secret;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB a command talks to, resolved once: the command line's
 * {@code --endpoint-url} wins, then {@code --local}, then the mapping's
 * {@code dynamodb.endpoint} ({@code local} or a URL); with none of them, AWS with the
 * default credential and region chains. The local endpoint is used only when asked for,
 * never as a fallback. For endpoints on this machine, placeholder credentials are used
 * when the default chain has none. Owns the client and, for the local endpoint, the
 * dynalite process; {@link #close()} stops both. Thread-safe.
 */
public final class DynamoDbTarget implements AutoCloseable {

	private final DynamoDbClient client;

	private final @Nullable LocalDynamoDb local;

	private final String description;

	private final String region;

	private DynamoDbTarget(DynamoDbClient client, @Nullable LocalDynamoDb local, String description, String region) {
		this.client = client;
		this.local = local;
		this.description = description;
		this.region = region;
	}

	/**
	 * Resolves and connects to the target.
	 * @param mapping the mapping's own setting
	 * @param endpointUrl {@code --endpoint-url}, or null
	 * @param local {@code --local}
	 * @param region {@code --region}, or null for the mapping's, then the default chain
	 * @param localDataDirectory where the local endpoint persists its tables
	 * @param maxConnections HTTP connections
	 */
	public static DynamoDbTarget connect(DynamoDbSpec mapping, @Nullable String endpointUrl, boolean local,
			@Nullable String region, Path localDataDirectory, int maxConnections) {
		String effectiveRegion = region != null ? region : mapping.region();
		if (endpointUrl != null) {
			URI endpoint = URI.create(endpointUrl);
			return new DynamoDbTarget(
					DynamoDbClients.create(endpoint, effectiveRegion, DynamoDbClients.isLoopback(endpoint),
							maxConnections),
					null, Secret.redactUrl(endpoint.toString()), regionText(effectiveRegion, true));
		}
		if (local || DynamoDbSpec.LOCAL.equals(mapping.endpoint())) {
			LocalDynamoDb server = LocalDynamoDb.start(localDataDirectory);
			try {
				DynamoDbClient client = DynamoDbClients.create(server.endpoint(), effectiveRegion, true,
						maxConnections);
				return new DynamoDbTarget(client, server,
						"local dynalite " + server.endpoint() + " (data in " + localDataDirectory + ")",
						regionText(effectiveRegion, true));
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
		}
		if (mapping.endpoint() != null) {
			URI endpoint = URI.create(mapping.endpoint());
			return new DynamoDbTarget(
					DynamoDbClients.create(endpoint, effectiveRegion, DynamoDbClients.isLoopback(endpoint),
							maxConnections),
					null, Secret.redactUrl(endpoint.toString()), regionText(effectiveRegion, true));
		}
		DynamoDbClient client = DynamoDbClients.create(null, effectiveRegion, false, maxConnections);
		return new DynamoDbTarget(client, null, "AWS DynamoDB", client.serviceClientConfiguration().region().id());
	}

	private static String regionText(@Nullable String region, boolean endpoint) {
		return region != null ? region : endpoint ? DynamoDbClients.LOCAL_REGION : "default";
	}

	public DynamoDbClient client() {
		return client;
	}

	/**
	 * Where writes go, for the summary: a URL (without its user info), the local server,
	 * or AWS.
	 */
	public String description() {
		return description;
	}

	public String region() {
		return region;
	}

	@Override
	public void close() {
		client.close();
		if (local != null) {
			local.close();
		}
	}

}
