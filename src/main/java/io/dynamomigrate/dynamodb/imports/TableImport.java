package io.dynamomigrate.dynamodb.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.table.TableProvisioner;
import io.dynamomigrate.mapping.model.TableSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;

/**
 * Imports a table's uploaded objects with {@code ImportTable} (DynamoDB JSON, gzip; the
 * table's keys, billing mode and GSIs from the mapping) and polls {@code DescribeImport}
 * until the import ends, logging a progress line at each poll. The client token is
 * derived from the run and the table, so that calling again for the same run (a restart
 * that does not know whether its first call arrived) returns the same import instead of
 * starting a second one; DynamoDB honours a token for 8 hours. Thread-safe.
 */
public final class TableImport {

	private static final Logger logger = LoggerFactory.getLogger(TableImport.class);

	private static final Duration LONGEST_POLL = Duration.ofSeconds(15);

	private final DynamoDbClient client;

	private final Sleeper sleeper;

	public TableImport(DynamoDbClient client, Sleeper sleeper) {
		this.client = client;
		this.sleeper = sleeper;
	}

	/**
	 * The client token of a run's import of a table: the same for every call of the run
	 * (its job instance), different for another run or table.
	 */
	public static String clientToken(String mapping, long runId, String table) {
		return UUID.nameUUIDFromBytes((mapping + "\n" + runId + "\n" + table).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/** Starts the import (or finds the one the token started) and returns its ARN. */
	public String start(TableSpec table, S3Prefix prefix, String clientToken) {
		CreateTableRequest create = TableProvisioner.createRequest(table);
		TableCreationParameters.Builder parameters = TableCreationParameters.builder()
			.tableName(create.tableName())
			.keySchema(create.keySchema())
			.attributeDefinitions(create.attributeDefinitions())
			.billingMode(create.billingMode());
		if (create.provisionedThroughput() != null) {
			parameters.provisionedThroughput(create.provisionedThroughput());
		}
		if (create.hasGlobalSecondaryIndexes()) {
			parameters.globalSecondaryIndexes(create.globalSecondaryIndexes());
		}
		ImportTableRequest request = ImportTableRequest.builder()
			.clientToken(clientToken)
			.s3BucketSource((s) -> s.s3Bucket(prefix.bucket()).s3KeyPrefix(prefix.dataPrefix(table.name())))
			.inputFormat(InputFormat.DYNAMODB_JSON)
			.inputCompressionType(InputCompressionType.GZIP)
			.tableCreationParameters(parameters.build())
			.build();
		ImportTableDescription started = client.importTable(request).importTableDescription();
		logger.info("Import started [table={}, import={}, source={}]", table.name(), started.importArn(),
				prefix.url(prefix.dataPrefix(table.name())));
		return started.importArn();
	}

	/**
	 * Polls {@code DescribeImport} until the import ends (every 200 ms at first, backing
	 * off to 15 s) and returns how it ended.
	 */
	public ImportResult await(String table, String importArn) {
		long started = System.nanoTime();
		long delay = 200;
		while (true) {
			ImportTableDescription description = client.describeImport((r) -> r.importArn(importArn))
				.importTableDescription();
			ImportStatus status = description.importStatus();
			long seconds = (System.nanoTime() - started) / 1_000_000_000L;
			if (status != ImportStatus.IN_PROGRESS && status != ImportStatus.CANCELLING) {
				return result(table, description);
			}
			logger.info(
					"Import [table={}, status={}] {} s, {} items processed so far (DynamoDB shows the counts "
							+ "when the import ends)",
					table, status, seconds, orZero(description.processedItemCount()));
			try {
				sleeper.sleep(Duration.ofMillis(delay));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the import of table " + table
						+ " (it goes on in DynamoDB: " + importArn + ")", ex);
			}
			delay = Math.min(LONGEST_POLL.toMillis(), delay * 2);
		}
	}

	private static ImportResult result(String table, ImportTableDescription description) {
		String failure = description.failureCode() == null ? null
				: description.failureCode() + ": " + description.failureMessage();
		return new ImportResult(table, description.importArn(), description.importStatusAsString(),
				orZero(description.processedItemCount()), orZero(description.importedItemCount()),
				orZero(description.errorCount()), orZero(description.processedSizeBytes()),
				description.cloudWatchLogGroupArn(), failure);
	}

	private static long orZero(Long value) {
		return value == null ? 0 : value;
	}

}
