package io.dynamomigrate.cli;

import java.nio.file.Path;

import io.dynamomigrate.dynamodb.client.SendPath;
import io.dynamomigrate.session.TargetEndpoint;
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

	@Option(names = "--send-path", paramLabel = "PATH", defaultValue = "direct",
			description = "How BatchWriteItem calls are sent: direct (request bodies written from the items, "
					+ "signed with the SDK's SigV4 signer and sent by its HTTP client, with its retries; the "
					+ "fastest) or sdk (the AWS SDK client's batchWriteItem). Default: ${DEFAULT-VALUE}.")
	String sendPath;

	/**
	 * The endpoint these options choose; a local server keeps its data in
	 * {@code <state-dir>/dynalite}.
	 */
	TargetEndpoint endpoint(Path stateDirectory) {
		return new TargetEndpoint(endpointUrl, local, region, stateDirectory.resolve("dynalite"),
				SendPath.parse(sendPath, "--send-path"));
	}

}
