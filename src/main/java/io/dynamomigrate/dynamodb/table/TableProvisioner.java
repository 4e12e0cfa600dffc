package io.dynamomigrate.dynamodb.table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.dynamomigrate.dynamodb.capacity.WarmThroughputs;
import io.dynamomigrate.mapping.model.BillingMode;
import io.dynamomigrate.mapping.model.IndexSpec;
import io.dynamomigrate.mapping.model.KeySpec;
import io.dynamomigrate.mapping.model.TableSpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

/**
 * Makes sure the target tables exist as the mapping declares them: creates a missing
 * table (key schema, GSIs, billing mode) and waits until it is active; checks an existing
 * table's key schema and fails with a clear message when it differs. Never deletes a
 * table, and alters one only to raise its warm throughput when asked ({@code --prewarm}).
 * Thread-safe.
 */
public final class TableProvisioner {

	private static final Logger logger = LoggerFactory.getLogger(TableProvisioner.class);

	private final DynamoDbClient client;

	public TableProvisioner(DynamoDbClient client) {
		this.client = client;
	}

	/**
	 * Creates the table when missing, or checks it. @return whether the table was created
	 */
	public boolean ensure(TableSpec table) {
		return ensure(table, 0, (note) -> {
		});
	}

	/**
	 * Creates the table when missing, or checks it; then, when {@code prewarm} is above
	 * 0, raises the warm write throughput of the table and its indexes to it
	 * ({@code CreateTable} or {@code UpdateTable} with {@code WarmThroughput}; paid and
	 * irreversible) and waits until the table and its warm throughput are ACTIVE. A value
	 * at or below the current warm throughput sends nothing. What was done or skipped
	 * goes to {@code notes}.
	 * @return whether the table was created
	 */
	public boolean ensure(TableSpec table, long prewarm, Consumer<String> notes) {
		TableDescription existing = describe(table.name());
		if (existing != null) {
			check(table, existing);
			if (prewarm > 0) {
				prewarm(existing, prewarm, notes);
			}
			return false;
		}
		boolean warm = prewarm > WarmThroughputs.NEW_TABLE_WRITE_UNITS;
		try {
			client.createTable(createRequest(table, warm ? prewarm : 0));
		}
		catch (ResourceInUseException ex) { // created at the same moment by another run
											// (a fleet's entries): check it once
											// active
			waitUntilActive(table.name());
			return ensure(table, prewarm, notes);
		}
		waitUntilActive(table.name());
		logger.debug("Created table [table={}, prewarm={}]", table.name(), warm ? prewarm : 0);
		if (warm) {
			notes.accept("Created table " + table.name() + " pre-warmed to " + prewarm + " WCU/s (--prewarm; paid "
					+ "once, cannot be undone).");
		}
		else if (prewarm > 0) {
			notes.accept("--prewarm " + prewarm + " does nothing for the new table " + table.name() + ": a new table "
					+ "already takes " + WarmThroughputs.NEW_TABLE_WRITE_UNITS + " WCU/s at once.");
		}
		return true;
	}

	private void prewarm(TableDescription existing, long prewarm, Consumer<String> notes) {
		UpdateTableRequest request = WarmThroughputs.prewarm(existing, prewarm);
		if (request == null) {
			long current = WarmThroughputs.table(existing);
			notes.accept("--prewarm " + prewarm + " does nothing for table " + existing.tableName() + ": "
					+ (current == 0 ? "the endpoint shows no warm throughput for it."
							: "it and its indexes already take " + prewarm + " WCU/s or more at once (warm throughput "
									+ current + " WCU/s)."));
			return;
		}
		client.updateTable(request);
		waitUntilActive(existing.tableName());
		notes.accept("Pre-warmed table " + existing.tableName()
				+ (request.hasGlobalSecondaryIndexUpdates()
						? " and " + request.globalSecondaryIndexUpdates().size() + " index(es)" : "")
				+ " to " + prewarm + " WCU/s (--prewarm; paid once, cannot be undone).");
	}

	/**
	 * Polls DescribeTable until the table, its indexes and their warm throughput are
	 * ACTIVE: every 50 ms at first, backing off to 2 s, for at most 10 minutes. (The
	 * SDK's waiter polls every 20 s, which dominates a run against a local endpoint.)
	 */
	private void waitUntilActive(String name) {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		long delay = 50;
		while (System.nanoTime() < deadline) {
			TableDescription table = describe(name);
			if (table != null && table.tableStatus() == TableStatus.ACTIVE
					&& table.globalSecondaryIndexes().stream().allMatch((i) -> i.indexStatus() == IndexStatus.ACTIVE)
					&& WarmThroughputs.active(table)) {
				return;
			}
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for table " + name, ex);
			}
			delay = Math.min(2000, delay * 2);
		}
		throw new IllegalStateException("Table " + name + " did not become ACTIVE within 10 minutes.");
	}

	private @Nullable TableDescription describe(String name) {
		try {
			return client.describeTable((b) -> b.tableName(name)).table();
		}
		catch (ResourceNotFoundException ex) {
			return null;
		}
	}

	public static CreateTableRequest createRequest(TableSpec table) {
		return createRequest(table, 0);
	}

	/**
	 * The request that creates the table, with the table and its indexes warmed to
	 * {@code prewarm} when above 0.
	 */
	static CreateTableRequest createRequest(TableSpec table, long prewarm) {
		@Nullable WarmThroughput warm = prewarm > 0 ? WarmThroughput.builder().writeUnitsPerSecond(prewarm).build() : null;
		Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
		List<KeySchemaElement> keySchema = keySchema(table.partitionKey(), table.sortKey(), definitions);
		List<GlobalSecondaryIndex> indexes = new ArrayList<>();
		boolean provisioned = table.billingMode() == BillingMode.PROVISIONED;
		ProvisionedThroughput throughput = ProvisionedThroughput.builder()
			.readCapacityUnits(table.readCapacity())
			.writeCapacityUnits(table.writeCapacity())
			.build();
		for (IndexSpec index : table.globalSecondaryIndexes()) {
			GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
				.indexName(index.name())
				.keySchema(keySchema(index.partitionKey(), index.sortKey(), definitions))
				.projection(Projection.builder()
					.projectionType(ProjectionType.fromValue(index.projection().toUpperCase(Locale.ROOT)))
					.build());
			if (provisioned) {
				gsi.provisionedThroughput(throughput);
			}
			if (warm != null) {
				gsi.warmThroughput(warm);
			}
			indexes.add(gsi.build());
		}
		CreateTableRequest.Builder request = CreateTableRequest.builder()
			.tableName(table.name())
			.keySchema(keySchema)
			.attributeDefinitions(definitions.values())
			.billingMode(provisioned ? software.amazon.awssdk.services.dynamodb.model.BillingMode.PROVISIONED
					: software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST);
		if (!indexes.isEmpty()) {
			request.globalSecondaryIndexes(indexes);
		}
		if (provisioned) {
			request.provisionedThroughput(throughput);
		}
		if (warm != null) {
			request.warmThroughput(warm);
		}
		return request.build();
	}

	private static List<KeySchemaElement> keySchema(KeySpec partitionKey, @Nullable KeySpec sortKey,
			Map<String, AttributeDefinition> definitions) {
		List<KeySchemaElement> schema = new ArrayList<>();
		schema.add(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
		define(partitionKey, definitions);
		if (sortKey != null) {
			schema.add(KeySchemaElement.builder().attributeName(sortKey.name()).keyType(KeyType.RANGE).build());
			define(sortKey, definitions);
		}
		return schema;
	}

	private static void define(KeySpec key, Map<String, AttributeDefinition> definitions) {
		definitions.putIfAbsent(key.name(),
				AttributeDefinition.builder()
					.attributeName(key.name())
					.attributeType(ScalarAttributeType.fromValue(key.type().name()))
					.build());
	}

	private static void check(TableSpec table, TableDescription existing) {
		List<String> differences = keyDifferences(table, existing);
		if (!differences.isEmpty()) {
			throw new TableMismatchException("The existing table " + table.name() + " does not match the mapping: "
					+ String.join("; ", differences) + ". Change the mapping to match the table, or write to a new "
					+ "table name.");
		}
	}

	/**
	 * How an existing table's primary key differs from the mapping's (empty when it
	 * matches).
	 */
	public static List<String> keyDifferences(TableSpec table, TableDescription existing) {
		List<String> differences = new ArrayList<>();
		Map<String, String> types = new LinkedHashMap<>();
		existing.attributeDefinitions().forEach((d) -> types.put(d.attributeName(), d.attributeTypeAsString()));
		String hash = null;
		String range = null;
		for (KeySchemaElement element : existing.keySchema()) {
			if (element.keyType() == KeyType.HASH) {
				hash = element.attributeName();
			}
			else {
				range = element.attributeName();
			}
		}
		compare("partition key", table.partitionKey(), hash, types, differences);
		compare("sort key", table.sortKey(), range, types, differences);
		return differences;
	}

	/**
	 * How an existing table's global secondary indexes differ from the mapping's (empty
	 * when they match).
	 */
	public static List<String> indexDifferences(TableSpec table, TableDescription existing) {
		List<String> differences = new ArrayList<>();
		Map<String, String> types = new LinkedHashMap<>();
		existing.attributeDefinitions().forEach((d) -> types.put(d.attributeName(), d.attributeTypeAsString()));
		for (IndexSpec index : table.globalSecondaryIndexes()) {
			var actual = existing.globalSecondaryIndexes()
				.stream()
				.filter((g) -> g.indexName().equals(index.name()))
				.findFirst();
			if (actual.isEmpty()) {
				differences.add("the index " + index.name() + " does not exist on the table");
				continue;
			}
			String hash = null;
			String range = null;
			for (KeySchemaElement element : actual.get().keySchema()) {
				if (element.keyType() == KeyType.HASH) {
					hash = element.attributeName();
				}
				else {
					range = element.attributeName();
				}
			}
			List<String> indexDifferences = new ArrayList<>();
			compare("partition key", index.partitionKey(), hash, types, indexDifferences);
			compare("sort key", index.sortKey(), range, types, indexDifferences);
			indexDifferences.forEach((d) -> differences.add("index " + index.name() + ": " + d));
		}
		return differences;
	}

	/** The description of a table, or null when it does not exist. */
	public @Nullable TableDescription describeOrNull(String name) {
		return describe(name);
	}

	private static void compare(String role, @Nullable KeySpec expected, @Nullable String actualName,
			Map<String, String> types, List<String> differences) {
		String expectedText = expected == null ? "none" : expected.name() + " (" + expected.type() + ")";
		String actualText = actualName == null ? "none" : actualName + " (" + types.get(actualName) + ")";
		if (!expectedText.equals(actualText)) {
			differences.add("the mapping's " + role + " is " + expectedText + ", the table's is " + actualText);
		}
	}

}
