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
 *
 * @param client the client of the target
 * @param local the local endpoint's server, or null for any other target
 * @param description where writes go, for the summary: a URL (without its user info), the
 * local server, or AWS
 * @param region the region, as the summary shows it
 * @param direct the lean send path of {@code BatchWriteItem} calls, or null to send them
 * with {@code client} ({@link SendPath})
 */
public record DynamoDbTarget(DynamoDbClient client, @Nullable LocalDynamoDb local, String description, String region,
		@Nullable DirectDynamoDb direct) implements AutoCloseable {

	/** A target whose writes go through {@code client}. */
	public DynamoDbTarget(DynamoDbClient client, @Nullable LocalDynamoDb local, String description, String region) {
		this(client, local, description, region, null);
	}

	/**
	 * This target, sending its {@code BatchWriteItem} calls on {@code path} (with an HTTP
	 * client of {@code maxConnections} connections for the direct path).
	 */
	public DynamoDbTarget sending(SendPath path, int maxConnections) {
		if (direct != null) {
			direct.close();
		}
		return new DynamoDbTarget(client, local, description, region,
				path == SendPath.DIRECT ? DirectDynamoDb.of(client, maxConnections) : null);
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
		if (endpointUrl == null && (local || DynamoDbSpec.LOCAL.equals(mapping.endpoint()))) {
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
		String url = endpointUrl != null ? endpointUrl : mapping.endpoint();
		if (url != null) {
			URI endpoint = URI.create(url);
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

	@Override
	public void close() {
		if (direct != null) {
			direct.close();
		}
		client.close();
		if (local != null) {
			local.close();
		}
	}

}
