package io.dynamomigrate.fleet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.dynamomigrate.testing.MariaDb;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet over 20 PostgreSQL shards (schemas {@code dm_it_fleet_pg_1..20}) and 5 MariaDB
 * shards (databases {@code dm_it_fleet_my_21..25}), each with a table {@code orders} of
 * its own rows, migrated by one mapping into one table; the packaged jar run in separate
 * JVMs (with their own environment); and an independent check of the target against the
 * sources, read with plain JDBC and a DynamoDB scan.
 */
final class FleetFixture implements AutoCloseable {

	static final String TABLE = "fleet_orders";

	static final int PG_SHARDS = 20;

	static final int SHARDS = 25;

	static final String REPOSITORY = "dm_it_fleet_repository";

	private final Path directory;

	private final int rows;

	FleetFixture(Path directory, int rows) throws Exception {
		this.directory = directory;
		this.rows = rows;
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(REPOSITORY);
		for (int shard = 1; shard <= SHARDS; shard++) {
			try (Connection connection = create(shard); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, customer VARCHAR(40) NOT NULL, "
						+ "amount DECIMAL(12,2) NOT NULL, code VARCHAR(20) NOT NULL)");
				try (PreparedStatement insert = connection
					.prepareStatement("INSERT INTO orders (order_id, customer, amount, code) VALUES (?, ?, ?, ?)")) {
					for (int id = 1; id <= rows; id++) {
						insert.setInt(1, id);
						insert.setString(2, "customer-" + shard + "-" + (id % 17));
						insert.setBigDecimal(3, new BigDecimal(id).multiply(new BigDecimal("1.25")));
						insert.setString(4, Integer.toString(id * 7));
						insert.addBatch();
					}
					insert.executeBatch();
				}
			}
		}
	}

	private static Connection create(int shard) throws SQLException {
		if (shard <= PG_SHARDS) {
			Postgres.recreateSchema(pgSchema(shard));
			return Postgres.connect(pgSchema(shard));
		}
		MariaDb.recreateDatabase(myDatabase(shard));
		return MariaDb.connect(myDatabase(shard));
	}

	static String pgSchema(int shard) {
		return "dm_it_fleet_pg_" + shard;
	}

	static String myDatabase(int shard) {
		return "dm_it_fleet_my_" + shard;
	}

	/** Runs SQL on a shard. */
	static void execute(int shard, String sql) throws SQLException {
		try (Connection connection = shard <= PG_SHARDS ? Postgres.connect(pgSchema(shard))
				: MariaDb.connect(myDatabase(shard)); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * Writes the mapping and the fleet file (chunks of {@code chunk} records, at most
	 * {@code maxRejects} rejects per entry) and returns the fleet file.
	 */
	Path writeFleet(int chunk, int maxRejects) throws IOException {
		Files.writeString(directory.resolve("orders.yml"), """
				name: orders
				source:
				  url: "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=dm_it_fleet_pg_${shard}"
				  user: postgres
				tables:
				  - name: %s
				    partitionKey: { name: pk, type: S }
				    billingMode: pay-per-request
				items:
				  - name: order
				    table: %s
				    chunkSize: %d
				    maxRejects: %d
				    source: { table: orders, key: [order_id] }
				    attributes:
				      pk: "ORDER#${shard}#${order_id}"
				      shard: { value: "${shard}", type: N }
				      customer: "${customer}"
				      amount: { value: "${amount}", type: N }
				      code: { value: "${code}", type: N }
				""".formatted(TABLE, TABLE, chunk, maxRejects), StandardCharsets.UTF_8);
		StringBuilder pg = new StringBuilder();
		for (int shard = 1; shard <= PG_SHARDS; shard++) {
			pg.append("      - { shard: ").append(shard).append(" }\n");
		}
		Files.writeString(directory.resolve("shards-my.csv"),
				"shard,database\n" + String.join("\n",
						java.util.stream.IntStream.rangeClosed(PG_SHARDS + 1, SHARDS)
							.mapToObj((s) -> s + "," + myDatabase(s))
							.toList())
						+ "\n",
				StandardCharsets.UTF_8);
		Path fleet = directory.resolve("fleet.yml");
		Files.writeString(fleet, """
				name: fleet-it
				shards:
				  - name: "pg-${shard}"
				    mapping: orders.yml
				    variables:
				%s  - name: "my-${shard}"
				    mapping: orders.yml
				    source:
				      url: "jdbc:mariadb://127.0.0.1:3306/${database}"
				      user: root
				      password: { env: "FLEET_IT_PASSWORD_${shard}", default: "" }
				    inventory: shards-my.csv
				""".formatted(pg), StandardCharsets.UTF_8);
		return fleet;
	}

	/** The items the sources say the target must hold, by pk, read with JDBC. */
	Map<String, Map<String, AttributeValue>> expected() throws SQLException {
		Map<String, Map<String, AttributeValue>> items = new HashMap<>();
		for (int shard = 1; shard <= SHARDS; shard++) {
			try (Connection connection = shard <= PG_SHARDS ? Postgres.connect(pgSchema(shard))
					: MariaDb.connect(myDatabase(shard));
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT order_id, customer, amount, code FROM orders")) {
				while (rs.next()) {
					String pk = "ORDER#" + shard + "#" + rs.getInt(1);
					items.put(pk,
							Map.of("pk", AttributeValue.fromS(pk), "shard",
									AttributeValue.fromN(Integer.toString(shard)), "customer",
									AttributeValue.fromS(rs.getString(2)), "amount",
									AttributeValue.fromN(number(rs.getBigDecimal(3).toPlainString())), "code",
									AttributeValue.fromN(number(rs.getString(4)))));
				}
			}
		}
		assertThat(items).as("source rows").hasSize(SHARDS * rows);
		return items;
	}

	/**
	 * Asserts that a scan of the target finds exactly the expected items, attribute for
	 * attribute (numbers compared by value).
	 */
	static void assertTargetEquals(Map<String, Map<String, AttributeValue>> expected) {
		Map<String, Map<String, AttributeValue>> actual = new HashMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName(TABLE)).items().forEach((item) -> {
				Map<String, AttributeValue> normal = new HashMap<>(item);
				normal.replaceAll((name, value) -> value.n() != null ? AttributeValue.fromN(number(value.n())) : value);
				assertThat(actual.put(item.get("pk").s(), normal)).as("one item per pk").isNull();
			});
		}
		assertThat(actual.keySet()).as("keys in the target").isEqualTo(expected.keySet());
		List<String> differences = new ArrayList<>();
		expected.forEach((pk, item) -> {
			if (!item.equals(actual.get(pk)) && differences.size() < 5) {
				differences.add(pk + ": expected " + item + " but was " + actual.get(pk));
			}
		});
		assertThat(differences).as("items that differ").isEmpty();
	}

	private static String number(String text) {
		return new BigDecimal(text).stripTrailingZeros().toPlainString();
	}

	/** Job executions per entry job of the fleet, read from the PostgreSQL repository. */
	static Map<String, Integer> executionsPerEntry() throws SQLException {
		Map<String, Integer> executions = new HashMap<>();
		try (Connection connection = Postgres.connect(REPOSITORY);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT i.JOB_NAME, COUNT(*) FROM BATCH_JOB_INSTANCE i "
						+ "JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID GROUP BY i.JOB_NAME")) {
			while (rs.next()) {
				executions.put(rs.getString(1), rs.getInt(2));
			}
		}
		return executions;
	}

	/** Starts the jar with these arguments and environment, its output in a log file. */
	Process start(String log, Map<String, String> environment, List<String> args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "-jar", System.getProperty("dynamo-migrate.jar")));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(directory.resolve(log).toFile());
		builder.environment().putAll(environment);
		return builder.start();
	}

	/** Runs the jar to its end and returns its exit code and output. */
	Result run(String log, Map<String, String> environment, List<String> args) throws Exception {
		Process process = start(log, environment, args);
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s ends within 3 minutes", args).isTrue();
		return new Result(process.exitValue(), log(log));
	}

	String log(String log) throws IOException {
		return Files.readString(directory.resolve(log));
	}

	/** Waits for a condition, for three minutes at most. */
	static void waitFor(java.util.function.BooleanSupplier condition) {
		await().atMost(Duration.ofMinutes(3))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(5))
			.until(condition::getAsBoolean);
	}

	@Override
	public void close() throws SQLException {
		for (int shard = 1; shard <= SHARDS; shard++) {
			if (shard <= PG_SHARDS) {
				Postgres.dropSchema(pgSchema(shard));
			}
			else {
				MariaDb.dropDatabase(myDatabase(shard));
			}
		}
		Postgres.dropSchema(REPOSITORY);
	}

	record Result(int exitCode, String output) {
	}

}
