package io.dynamomigrate.session;

import java.nio.file.Path;

import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.client.SendPath;
import io.dynamomigrate.mapping.model.DynamoDbSpec;
import org.jspecify.annotations.Nullable;

/**
 * Which DynamoDB endpoint a session connects to: the command line's choice, which wins
 * over the mapping's.
 *
 * @param endpointUrl {@code --endpoint-url}, or null
 * @param local {@code --local}: a dynalite server the tool starts
 * @param region {@code --region}, or null
 * @param localDataDirectory where a local server persists its tables
 * @param sendPath {@code --send-path}: how {@code BatchWriteItem} calls are sent
 */
public record TargetEndpoint(@Nullable String endpointUrl, boolean local, @Nullable String region,
		Path localDataDirectory, SendPath sendPath) {

	/** The endpoint, written to on the default (direct) send path. */
	public TargetEndpoint(@Nullable String endpointUrl, boolean local, @Nullable String region,
			Path localDataDirectory) {
		this(endpointUrl, local, region, localDataDirectory, SendPath.DIRECT);
	}

	/**
	 * A connection to the endpoint the command line and the mapping choose, with this
	 * many HTTP connections.
	 */
	DynamoDbTarget connect(DynamoDbSpec mapping, int maxConnections) {
		return DynamoDbTarget.connect(mapping, endpointUrl, local, region, localDataDirectory, maxConnections)
			.sending(sendPath, maxConnections);
	}

}
