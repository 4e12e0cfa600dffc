package io.dynamomigrate.dynamodb.write;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.client.DirectDynamoDb;
import io.dynamomigrate.dynamodb.client.DynamoDbClients;
import io.dynamomigrate.dynamodb.client.SendPath;
import io.dynamomigrate.dynamodb.table.TableProvisioner;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.BillingMode;
import io.dynamomigrate.mapping.model.KeySpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.records.SourcePosition;
import io.dynamomigrate.transform.ItemSizes;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.SharedDynalite;
import io.dynamomigrate.transform.MappedItem;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items, tables and a recording sleeper shared by the writer tests. Items have the key
 * {@code pk} (S, e.g. {@code TRACK#7}) and {@code sk} (N), and come from row {@code row}
 * of the source table {@code tracks}.
 */
final class WriterFixtures {

	static final String SOURCE = "tracks";

	private WriterFixtures() {
	}

	/**
	 * An item with key {@code TRACK#id}/{@code id} from source row {@code row}, with the
	 * given extra attributes.
	 */
	static MappedItem item(String table, int id, int row, Map<String, AttributeValue> attributes) {
		Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("TRACK#" + id), "sk",
				AttributeValue.fromN(Integer.toString(id)));
		Map<String, AttributeValue> item = new HashMap<>(attributes);
		item.putAll(key);
		return new MappedItem(table, item, key, ItemSizes.of(item), position(row));
	}

	/**
	 * An item with key {@code TRACK#id} from source row {@code id} with a short title.
	 */
	static MappedItem item(String table, int id) {
		return item(table, id, id, Map.of("title", AttributeValue.fromS("Track " + id)));
	}

	/**
	 * An item that declares {@code sizeBytes} without holding that much data, for pure
	 * unit tests.
	 */
	static MappedItem sized(int id, long sizeBytes) {
		Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("TRACK#" + id), "sk",
				AttributeValue.fromN(Integer.toString(id)));
		return new MappedItem("t", key, key, sizeBytes, position(id));
	}

	static SourcePosition position(int row) {
		return new SourcePosition(SOURCE, Map.of("row", row));
	}

	/** The proxy's canonical key of an item made here, as in {@code CallStats.keys()}. */
	static String canonicalKey(MappedItem item) {
		return "{\"pk\":{\"S\":\"" + item.key().get("pk").s() + "\"},\"sk\":{\"N\":\"" + item.key().get("sk").n()
				+ "\"}}";
	}

	/**
	 * Creates a new table with a unique name through {@link TableProvisioner}; returns
	 * its name.
	 */
	static String createTable(DynamoDbClient client, String prefix) {
		String name = prefix + "-" + UUID.randomUUID();
		new TableProvisioner(client).ensure(new TableSpec(name, new KeySpec("pk", AttributeType.S),
				new KeySpec("sk", AttributeType.N), List.of(), BillingMode.PAY_PER_REQUEST, 0, 0));
		return name;
	}

	/**
	 * A new table on the shared dynalite, reached through a
	 * {@link FaultInjectingDynamoDbProxy} that injects no fault until a test plans one;
	 * {@link #close()} deletes the table and stops the client and the proxy. Writers send
	 * on the given {@link SendPath}: with {@link #direct()} when it is not null.
	 */
	record ProxiedTable(FaultInjectingDynamoDbProxy proxy, DynamoDbClient client, String table,
			@Nullable DirectDynamoDb direct) implements AutoCloseable {

		static ProxiedTable create(String prefix, int maxConnections, SendPath path) {
			FaultInjectingDynamoDbProxy proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(),
					FaultPlan.none());
			DynamoDbClient client = DynamoDbClients.create(proxy.endpoint(), "us-east-1", true, maxConnections);
			String table = createTable(client, prefix);
			proxy.resetCounters();
			return new ProxiedTable(proxy, client, table,
					path == SendPath.DIRECT ? DirectDynamoDb.of(client, maxConnections) : null);
		}

		/** A writer of the table on this send path. */
		BatchWriteItemWriter.Builder writer() {
			return BatchWriteItemWriter.builder().client(this.client).direct(this.direct).table(this.table);
		}

		@Override
		public void close() {
			try {
				this.proxy.plan(FaultPlan.none());
				this.client.deleteTable((b) -> b.tableName(this.table));
			}
			finally {
				if (this.direct != null) {
					this.direct.close();
				}
				this.client.close();
				this.proxy.close();
			}
		}

	}

	/** Every item of the table by {@code pk}, read consistently. */
	static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient client, String table) {
		return client.scanPaginator((scan) -> scan.tableName(table).consistentRead(true))
			.items()
			.stream()
			.collect(Collectors.toMap((item) -> item.get("pk").s(), (item) -> item));
	}

	/**
	 * The {@code pk} of every item of the table, without reading the other attributes
	 * out.
	 */
	static Set<String> scanKeys(DynamoDbClient client, String table) {
		return client.scanPaginator((scan) -> scan.tableName(table).consistentRead(true).projectionExpression("pk"))
			.items()
			.stream()
			.map((item) -> item.get("pk").s())
			.collect(Collectors.toSet());
	}

	/**
	 * A {@link Sleeper} that does not sleep and records the delays it was asked for.
	 * Thread-safe.
	 */
	static final class RecordingSleeper implements Sleeper {

		private final List<Duration> delays = new CopyOnWriteArrayList<>();

		@Override
		public void sleep(Duration duration) {
			this.delays.add(duration);
		}

		List<Duration> delays() {
			return List.copyOf(this.delays);
		}

	}

}
