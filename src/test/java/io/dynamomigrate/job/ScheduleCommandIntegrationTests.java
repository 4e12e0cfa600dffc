package io.dynamomigrate.job;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dynamomigrate.job.EventsFixture.Run;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code schedule} command end to end, in a separate JVM (the packaged jar) against a
 * PostgreSQL source and job repository, writing through a
 * {@link FaultInjectingDynamoDbProxy} in front of dynalite: a first run at start
 * ({@code --run-now}) copies the live rows, turns the soft-deleted ones into
 * DeleteRequests and rejects the invalid ones; the metrics port then serves the run's
 * counters in Prometheus text and a health check; SIGTERM ends the process with exit code
 * 0 and gives the run lease back. While a tick runs, a {@code run} of the same mapping
 * from another process is refused with exit code 8 and names the process that holds the
 * lease.
 */
class ScheduleCommandIntegrationTests {

	private static final String SCHEMA = "dm_it_schedule";

	private static final String REPOSITORY = "dm_it_schedule_repository";

	private static final String MAPPING = "schedule-records";

	private static final String ITEM = "record";

	private static final String TABLE = "schedule_records";

	/** Never during a test: midnight on January 1st (Spring's 6 fields). */
	private static final String NEVER = "0 0 0 1 1 ?";

	private static final int ROWS = 300;

	/** Rows with {@code id % 10 = 0} are soft-deleted. */
	private static final int DELETED = 30;

	/**
	 * Rows with {@code id % 25 = 3} have no name, which the mapping rejects; none of them
	 * is soft-deleted.
	 */
	private static final int INVALID = 12;

	private static final int WRITTEN = ROWS - DELETED - INVALID;

	/** The newest {@code updated_at} is this far in the past when the rows are made. */
	private static final Duration AGE = Duration.ofHours(1);

	private static final String TAGS = "{item=\"" + ITEM + "\",mapping=\"" + MAPPING + "\",table=\"" + TABLE + "\"}";

	private static final String COMPLETED_RUNS = "dynamo_migrate_runs_total{mapping=\"" + MAPPING
			+ "\",status=\"COMPLETED\"}";

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private FaultInjectingDynamoDbProxy proxy;

	private Process schedule;

	@BeforeEach
	void setUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(SCHEMA);
		Postgres.recreateSchema(REPOSITORY);
		createRecords();
		createTargetWithItemsOfDeletedRows();
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.none());
	}

	@AfterEach
	void tearDown() throws Exception {
		if (schedule != null && schedule.isAlive()) {
			schedule.destroyForcibly();
			schedule.waitFor(30, TimeUnit.SECONDS);
		}
		proxy.close();
		Postgres.dropSchema(SCHEMA);
		Postgres.dropSchema(REPOSITORY);
	}

	@Test
	void runNow_servesTheRunsCountersAsPrometheusText_copiesTheSource_andSigtermExitsGivingTheLeaseBack()
			throws Exception {
		Path mapping = writeMapping(50);
		int port = freePort();
		schedule = startSchedule(mapping, port);

		String metrics = awaitCompletedTick(port);

		assertThat(metrics).as(metrics)
			.contains("# TYPE dynamo_migrate_items_written_total counter",
					"dynamo_migrate_items_written_total" + TAGS + " " + WRITTEN + ".0",
					"dynamo_migrate_deletes_total" + TAGS + " " + DELETED + ".0",
					"dynamo_migrate_throttles_total" + TAGS + " 0.0",
					"dynamo_migrate_rejects_total" + TAGS + " " + INVALID + ".0", COMPLETED_RUNS + " 1.0")
			.containsPattern(
					"spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"" + MAPPING + "\"[^}]*} 1\n");
		assertThat(value(metrics, "dynamo_migrate_write_units_total" + TAGS)).as("every put and delete costs a unit")
			.isGreaterThanOrEqualTo(WRITTEN + DELETED);
		assertThat(value(metrics,
				"dynamo_migrate_watermark_lag_seconds{item=\"" + ITEM + "\",mapping=\"" + MAPPING + "\"}"))
			.as("seconds from the newest updated_at to now")
			.isGreaterThanOrEqualTo(AGE.toSeconds())
			.isLessThan(AGE.plusMinutes(5).toSeconds());

		HttpResponse<String> health = get(port, "/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(get(port, "/no-such-path").statusCode()).isEqualTo(404);

		assertTargetEqualsLiveRows();
		assertThat(proxy.keysWrittenMoreThanOnce(TABLE)).isZero();

		schedule.destroy(); // SIGTERM
		assertThat(schedule.waitFor(30, TimeUnit.SECONDS)).as(log()).isTrue();
		assertThat(schedule.exitValue()).as(log()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(log()).contains("Scheduling " + MAPPING + " on \"" + NEVER + "\"", "SIGTERM: stopping");
		assertThat(leases()).as("lease rows of the mapping").isZero();
	}

	@Test
	void runOfTheSameMapping_whileATickIsRunning_exitsWith8_andNamesTheScheduleProcess() throws Exception {
		proxy.plan(FaultPlan.builder().delay(Duration.ofMillis(700)).build());
		Path mapping = writeMapping(20); // 15 chunks, one slowed BatchWriteItem call
											// each: the tick takes ~10 s
		int port = freePort();
		schedule = startSchedule(mapping, port);
		awaitTickWriting();

		Run run = EventsFixture
			.cli(repository("run", mapping.toString(), "--incremental", "--endpoint-url", proxy.endpoint().toString()));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.ALREADY_RUNNING);
		assertThat(run.output()).contains("Another run of mapping " + MAPPING + " is in progress in process "
				+ schedule.pid() + " on " + ExecutionOwner.current().host());
		String metrics = awaitCompletedTick(port);
		assertThat(metrics).as("only the scheduled run wrote")
			.contains(COMPLETED_RUNS + " 1.0", "dynamo_migrate_items_written_total" + TAGS + " " + WRITTEN + ".0");
		assertThat(proxy.keysWrittenMoreThanOnce(TABLE)).isZero();
		assertTargetEqualsLiveRows();
		schedule.destroy(); // SIGTERM
		assertThat(schedule.waitFor(30, TimeUnit.SECONDS)).as(log()).isTrue();
		assertThat(schedule.exitValue()).as(log()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(leases()).as("lease rows of the mapping").isZero();
	}

	/**
	 * {@code records}: rows 1..{@value #ROWS}, named {@code record-<id>} (null when
	 * {@code id % 25 = 3}), updated one second apart up to {@link #AGE} ago, soft-deleted
	 * when {@code id % 10 = 0}.
	 */
	private static void createRecords() throws SQLException {
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE records (id BIGINT PRIMARY KEY, name TEXT, updated_at TIMESTAMP NOT NULL, "
					+ "deleted_at TIMESTAMP)");
			s.execute("INSERT INTO records SELECT g, CASE WHEN g % 25 = 3 THEN NULL ELSE 'record-' || g END, "
					+ "LOCALTIMESTAMP - interval '" + AGE.toSeconds() + " seconds' - (" + ROWS
					+ " - g) * interval '1 second', "
					+ "CASE WHEN g % 10 = 0 THEN LOCALTIMESTAMP - interval '2 hours' END " + "FROM generate_series(1, "
					+ ROWS + ") g");
			try (ResultSet counts = s.executeQuery("SELECT COUNT(*) FILTER (WHERE deleted_at IS NOT NULL), "
					+ "COUNT(*) FILTER (WHERE name IS NULL AND deleted_at IS NULL) FROM records")) {
				counts.next();
				assertThat(counts.getInt(1)).as("soft-deleted rows").isEqualTo(DELETED);
				assertThat(counts.getInt(2)).as("invalid rows").isEqualTo(INVALID);
			}
		}
	}

	/**
	 * The target table, already holding (stale) items of the soft-deleted rows, which the
	 * run must delete.
	 */
	private static void createTargetWithItemsOfDeletedRows() {
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.createTable((b) -> b.tableName(TABLE)
				.keySchema((k) -> k.attributeName("id").keyType(KeyType.HASH))
				.attributeDefinitions((a) -> a.attributeName("id").attributeType(ScalarAttributeType.N))
				.billingMode(BillingMode.PAY_PER_REQUEST));
			SharedDynalite.awaitActive(client, TABLE);
			for (int id = 10; id <= ROWS; id += 10) {
				String key = Integer.toString(id);
				client.putItem((b) -> b.tableName(TABLE)
					.item(Map.of("id", AttributeValue.fromN(key), "name", AttributeValue.fromS("stale-" + key))));
			}
		}
	}

	private Path writeMapping(int chunkSize) throws IOException {
		return EventsFixture.write(temp.resolve("records.yml"), """
				name: %s
				source:
				  url: "%s"
				  user: postgres
				tables:
				  - name: %s
				    partitionKey: { name: id, type: N }
				items:
				  - name: %s
				    table: %s
				    source: { table: records, key: [id] }
				    chunkSize: %d
				    incremental: { column: updated_at, overlap: 0s }
				    deletes:
				      when: { column: deleted_at, notNull: true }
				    attributes:
				      id: "${id}"
				      name: { value: "${name}", onNull: reject }
				""".formatted(MAPPING, Postgres.url(SCHEMA), TABLE, ITEM, TABLE, chunkSize));
	}

	/**
	 * The items of the rows that are neither soft-deleted nor invalid, by id, read from
	 * the source.
	 */
	private static Map<String, Map<String, AttributeValue>> liveRows() throws SQLException {
		Map<String, Map<String, AttributeValue>> items = new HashMap<>();
		try (Connection c = Postgres.connect(SCHEMA);
				Statement s = c.createStatement();
				ResultSet rows = s
					.executeQuery("SELECT id, name FROM records WHERE deleted_at IS NULL AND name IS NOT NULL")) {
			while (rows.next()) {
				String id = Long.toString(rows.getLong(1));
				items.put(id, Map.of("id", AttributeValue.fromN(id), "name", AttributeValue.fromS(rows.getString(2))));
			}
		}
		return items;
	}

	private static void assertTargetEqualsLiveRows() throws SQLException {
		Map<String, Map<String, AttributeValue>> expected = liveRows();
		assertThat(expected).hasSize(WRITTEN);
		Map<String, Map<String, AttributeValue>> actual = new HashMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName(TABLE).consistentRead(true)).items().forEach((item) -> {
				Map<String, AttributeValue> previous = actual.put(item.get("id").n(), item);
				assertThat(previous).as("one item per id").isNull();
			});
		}
		assertThat(actual.keySet()).as("ids in the target").isEqualTo(expected.keySet());
		assertThat(actual).as("items in the target").isEqualTo(expected);
	}

	/**
	 * Lease rows of the mapping in the job repository (the table exists once a command
	 * has used the repository).
	 */
	private static int leases() throws SQLException {
		try (Connection c = Postgres.connect(REPOSITORY);
				PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM DM_RUN_LEASE WHERE MAPPING = ?")) {
			query.setString(1, MAPPING);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private Process startSchedule(Path mapping, int port) throws IOException {
		List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", System.getProperty("dynamo-migrate.jar"), "schedule", mapping.toString(), "--cron", NEVER,
				"--run-now", "--metrics-port", Integer.toString(port), "--metrics-host", "127.0.0.1", "--endpoint-url",
				proxy.endpoint().toString()));
		args.addAll(List.of(repository()));
		return new ProcessBuilder(args).redirectErrorStream(true)
			.redirectOutput(temp.resolve("schedule.log").toFile())
			.start();
	}

	private String[] repository(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--repository-url", Postgres.url(REPOSITORY), "--repository-user", Postgres.USER,
				"--state-dir", temp.resolve("state").toString()));
		return all.toArray(String[]::new);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Waits until the metrics show a completed run and the health check reports the end
	 * of the tick (the watermark is recorded after the run), and returns the metrics
	 * then.
	 */
	private String awaitCompletedTick(int port) throws Exception {
		awaitResponse(port, "/metrics", (body) -> body.contains(COMPLETED_RUNS));
		awaitResponse(port, "/health", (body) -> body.contains("last tick"));
		HttpResponse<String> metrics = get(port, "/metrics");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
		return metrics.body();
	}

	private void awaitResponse(int port, String path, Predicate<String> done) throws Exception {
		AtomicReference<String> last = new AtomicReference<>("");
		try {
			await().atMost(Duration.ofMinutes(2))
				.pollInSameThread()
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> {
					assertThat(schedule.isAlive()).as(log()).isTrue();
					try {
						last.set(get(port, path).body());
						return done.test(last.get());
					}
					catch (IOException ex) { // the server is not listening yet
						last.set(ex.toString());
						return false;
					}
				});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("GET " + path + " did not show the end of the tick within 2 minutes; last "
					+ "answer:\n" + last.get() + "\nlog:\n" + log(), ex);
		}
	}

	/**
	 * Waits until the tick holds the lease and writes: the proxy has seen a
	 * BatchWriteItem call.
	 */
	private void awaitTickWriting() throws Exception {
		await().atMost(Duration.ofMinutes(2))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(10))
			.until(() -> proxy.batchWriteCalls() > 0 || !schedule.isAlive());
		assertThat(proxy.batchWriteCalls()).as(log()).isPositive();
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The value of one series (name and labels exactly as rendered) in Prometheus text.
	 */
	private static double value(String metrics, String series) {
		Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
		assertThat(matcher.find()).as(series + " in\n" + metrics).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private String log() throws IOException {
		return Files.readString(temp.resolve("schedule.log"));
	}

}
