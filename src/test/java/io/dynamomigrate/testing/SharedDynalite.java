package io.dynamomigrate.testing;

import java.net.URI;

import io.dynamomigrate.dynamodb.client.DynamoDbClients;
import io.dynamomigrate.dynamodb.client.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * One in-memory dynalite server per test JVM, started on first use on a free port and stopped when the JVM exits.
 * Tests that need a clean slate delete their tables ({@link #deleteAllTables()}).
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

	/** Waits until a table is ACTIVE, polling every 20 ms (the SDK's waiter polls every 20 s). */
	public static void awaitActive(DynamoDbClient client, String table) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (client.describeTable((b) -> b.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Table " + table + " did not become ACTIVE within 30 s");
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Deletes every table of the shared server. */
	public static void deleteAllTables() {
		try (DynamoDbClient client = client()) {
			for (String table : client.listTables().tableNames()) {
				client.deleteTable((b) -> b.tableName(table));
			}
			// the SDK's waiter polls every 20 s; dynalite deletes within milliseconds
			long deadline = System.nanoTime() + 30_000_000_000L;
			while (!client.listTables().tableNames().isEmpty()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("dynalite did not delete its tables within 30 s");
				}
				pause();
			}
		}
	}

}
