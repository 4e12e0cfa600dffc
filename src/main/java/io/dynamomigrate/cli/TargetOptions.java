package io.dynamomigrate.cli;

import java.nio.file.Path;

import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.job.WriteSettings;
import io.dynamomigrate.mapping.model.DynamoDbSpec;
import picocli.CommandLine.Option;

/**
 * Options that choose the DynamoDB endpoint.
 */
final class TargetOptions {

	@Option(names = "--endpoint-url", paramLabel = "URL",
			description = "DynamoDB endpoint; wins over the mapping's dynamodb.endpoint. Without it and without "
					+ "--local or a mapping setting: AWS with the default credential chain and region.")
	String endpointUrl;

	@Option(names = "--local",
			description = "Write to a local dynalite server that the tool starts (needs Node.js), persisting under "
					+ "the state dir in dynalite/.")
	boolean local;

	@Option(names = "--region", paramLabel = "REGION", description = "AWS region; wins over dynamodb.region.")
	String region;

	/** The target of a run: a connection pool for every call in flight and some to spare (at least 16). */
	DynamoDbTarget connect(DynamoDbSpec mapping, Path stateDirectory, WriteSettings writeSettings) {
		return connect(mapping, stateDirectory, Math.max(16, writeSettings.concurrency() + 4));
	}

	DynamoDbTarget connect(DynamoDbSpec mapping, Path stateDirectory, int maxConnections) {
		return DynamoDbTarget.connect(mapping, endpointUrl, local, region, stateDirectory.resolve("dynalite"),
				maxConnections);
	}

}
