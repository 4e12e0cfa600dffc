package io.dynamomigrate.testing;

import java.net.URI;
import java.time.Duration;

import io.dynamomigrate.dynamodb.client.DynamoDbClients;
import io.dynamomigrate.dynamodb.client.LocalDynamoDb;
import org.awaitility.core.ConditionFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import static org.awaitility.Awaitility.await;

/**
 * One in-memory dynalite server per test JVM, started on first use on a free port and
 * stopped when the JVM exits. Tests that need a clean slate delete their tables
 * ({@link #deleteAllTables()}).
 */
public final class SharedDynalite {

	private static LocalDynamoDb server;

	private SharedDynalite() {
	}

	/** The endpoint of the shared server. */
	public static synchronized URI endpoint() {
		if (server == null) {
			server = LocalDynamoDb.start(null);
			LocalDynamoDb started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "dynalite-stop"));
		}
		return server.endpoint();
	}

	/** A new client of the shared server; close it after use. */
	public static DynamoDbClient client() {
		return DynamoDbClients.create(endpoint(), DynamoDbClients.LOCAL_REGION, true, 8);
	}

	/**
	 * Waits until a table is ACTIVE, polling every 20 ms (the SDK's waiter polls every 20
	 * s).
	 */
	public static void awaitActive(DynamoDbClient client, String table) {
		every20Ms().alias("Table " + table + " becomes ACTIVE within 30 s")
			.until(() -> client.describeTable((b) -> b.tableName(table)).table().tableStatus() == TableStatus.ACTIVE);
	}

	private static ConditionFactory every20Ms() {
		return await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20));
	}

	/** Deletes every table of the shared server. */
	public static void deleteAllTables() {
		try (DynamoDbClient client = client()) {
			for (String table : client.listTables().tableNames()) {
				client.deleteTable((b) -> b.tableName(table));
			}
			// the SDK's waiter polls every 20 s; dynalite deletes within milliseconds
			every20Ms().alias("dynalite deletes its tables within 30 s")
				.until(() -> client.listTables().tableNames().isEmpty());
		}
	}

}
