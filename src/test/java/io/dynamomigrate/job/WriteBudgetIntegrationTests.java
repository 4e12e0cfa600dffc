package io.dynamomigrate.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dynamomigrate.dynamodb.client.SendPath;
import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.DynamoDbSink;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.PartitionThrottle;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SinkStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs whole migrations from PostgreSQL through the command line into a
 * {@link DynamoDbSink}, which measures the WCU it receives per call: the budget holds in
 * every one-second window the endpoint sees and is reached; budgets given as a percentage
 * of a provisioned table are resolved with DescribeTable; a budget above the table's
 * capacity is warned about.
 */
@Invariant(5)
@ParameterizedClass
@EnumSource(SendPath.class)
class WriteBudgetIntegrationTests {

	/** Every test runs on both send paths. */
	@Parameter
	SendPath sendPath;

	private static final String SOURCE_SCHEMA = "dm_it_budget_source";

	private static final String REPOSITORY_SCHEMA = "dm_it_budget_repository";

	@TempDir
	Path directory;

	private DynamoDbSink sink;

	@BeforeAll
	static void createSource() throws Exception {
		Postgres.recreateSchema(SOURCE_SCHEMA);
		Postgres.recreateSchema(REPOSITORY_SCHEMA);
		try (Connection c = Postgres.connect(SOURCE_SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, user_id INT NOT NULL, kind TEXT NOT NULL)");
			s.execute("INSERT INTO events SELECT g, g % 97, 'kind-' || (g % 7) FROM generate_series(1, 30000) g");
		}
	}

	@AfterAll
	static void dropSchemas() throws Exception {
		Postgres.dropSchema(SOURCE_SCHEMA);
		Postgres.dropSchema(REPOSITORY_SCHEMA);
	}

	@BeforeEach
	void startSink() {
		this.sink = DynamoDbSink.start(0, 8, PartitionThrottle.none(), true);
	}

	@AfterEach
	void stopSink() {
		this.sink.close();
	}

	private Path mapping(String table, String where) throws Exception {
		Path file = this.directory.resolve("events-" + System.nanoTime() + ".yml");
		Files.writeString(file, """
				name: events
				source: { url: "jdbc:h2:mem:unused" }
				tables:
				  - %s
				items:
				  - name: event
				    table: events
				    source: { table: events, key: [id]%s }
				    attributes:
				      id: "${id}"
				      user: "USER#${user_id}"
				      kind: "${kind}"
				""".formatted(table, where.isEmpty() ? "" : ", where: \"" + where + "\""));
		return file;
	}

	private Run run(Path mapping, String... options) {
		return run(this.sink.endpoint(), mapping, options);
	}

	private Run run(URI endpoint, Path mapping, String... options) {
		List<String> args = new ArrayList<>(List.of("run", mapping.toString(), "--send-path", this.sendPath.name(),
				"--endpoint-url", endpoint.toString(), "--source-url", Postgres.url(SOURCE_SCHEMA), "--source-user",
				Postgres.USER, "--repository-url", Postgres.url(REPOSITORY_SCHEMA), "--repository-user", Postgres.USER,
				"--progress", "off"));
		args.addAll(List.of(options));
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		int exitCode = commandLine.execute(args.toArray(String[]::new));
		return new Run(exitCode, out.toString());
	}

	@Test
	void theBudgetHoldsInEveryOneSecondWindowAtTheEndpoint_andIsReached() throws Exception {
		Path mapping = mapping("{ name: events, partitionKey: { name: id, type: N } }", "id <= 4000");

		Run run = run(mapping, "--max-write-capacity", "1000", "--write-concurrency", "4");

		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		SinkStats stats = this.sink.stats();
		assertThat(stats.items()).isEqualTo(4000);
		assertThat(this.sink.keys()).hasSize(4000);
		assertThat(stats.violations()).isZero();
		// every item is under 1 KB: 1 WCU each
		assertThat(stats.writeUnits()).isEqualTo(4000);
		// the limiter's grants never exceed the budget in a window; arrival at the
		// endpoint may jitter a little
		assertThat(stats.maxWriteUnitsInAnySecond()).isLessThanOrEqualTo(1050);
		assertThat(stats.meanWriteUnitsPerSecond()).isBetween(900.0, 1030.0);
		assertThat(run.output).contains("Table events: write budget 1000 WCU/s")
			.containsPattern("event\\s+events\\s+COMPLETED\\s+4000\\s+4000\\s+0\\s+0\\s+[0-9.]+\\s+\\d+\\s+\\d+\\s+0");
	}

	/**
	 * Defect 4 of issue 18: the SDK retries 500s and connection resets by itself; each
	 * retry is another request that may consume capacity, so each is charged to the
	 * budget. Measured at the proxy, where every attempt arrives.
	 */
	@Test
	@Invariant(11)
	void theBudgetHoldsWhereRequestsArrive_whenTheSdkRetriesServerErrorsAndResets() throws Exception {
		Path mapping = mapping("{ name: events, partitionKey: { name: id, type: N } }", "id <= 24000");
		try (FaultInjectingDynamoDbProxy proxy = FaultInjectingDynamoDbProxy.start(this.sink.endpoint(),
				FaultPlan.builder().serverErrorRate(0.05).connectionResetRate(0.02).seed(4).build())) {

			Run run = run(proxy.endpoint(), mapping, "--max-write-capacity", "3000");

			assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
			assertThat(this.sink.keys()).hasSize(24000);
			assertThat(proxy.faultsInjected()).isPositive();
			SinkStats arrivals = proxy.arrivals();
			System.out.printf("5 %% 500s and 2 %% resets at 3000 WCU/s, at the proxy: %s%n", arrivals.json());
			assertThat(arrivals.writeUnits()).as("attempts").isGreaterThan(24000);
			assertThat(arrivals.maxWriteUnitsInAnySecond()).as("worst second of %s", arrivals.json())
				.isLessThanOrEqualTo(3150);
		}
	}

	/**
	 * Defect 13 of issue 18: with the default write concurrency, requests that reach the
	 * endpoint 0 to 40 ms after they were granted (a loaded host; here a proxy that holds
	 * each request that long before forwarding it) never put more than the budget into a
	 * second where they arrive: at the sink.
	 */
	@Test
	void theBudgetHoldsWhereRequestsArrive_whenSendsAreLateByVaryingAmounts() throws Exception {
		for (long budget : List.of(200L, 3000L)) {
			long rows = budget * 8;
			Path mapping = mapping("{ name: events, partitionKey: { name: id, type: N } }", "id <= " + rows);
			this.sink.reset();
			try (FaultInjectingDynamoDbProxy proxy = FaultInjectingDynamoDbProxy.start(this.sink.endpoint(),
					FaultPlan.builder().delayJitter(Duration.ofMillis(40)).seed(13).build())) {

				Run run = run(proxy.endpoint(), mapping, "--max-write-capacity", Long.toString(budget));

				assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
				SinkStats stats = this.sink.stats();
				System.out.printf("Sends late by 0-40 ms at %d WCU/s, at the sink: %s%n", budget, stats.json());
				assertThat(stats.items()).isEqualTo(rows);
				assertThat(stats.maxWriteUnitsInAnySecond()).as("worst second at %d WCU/s: %s", budget, stats.json())
					.isLessThanOrEqualTo(budget * 105 / 100);
			}
		}
	}

	/**
	 * Defect 3 of issue 18: items returned unprocessed at random (as DynamoDB does
	 * routinely under partition pressure) are sent again, and lower the writer's rate
	 * only in proportion to the share refused: with 1 % the run takes at most 1.5 times
	 * as long as without, with 30 % at most 3 times. Through the proxy, into the sink;
	 * the step's own seconds from the summary.
	 */
	@Test
	void itemsReturnedUnprocessedAtRandom_slowTheRunByLittleMoreThanWhatIsSentAgain() throws Exception {
		Path mapping = mapping("{ name: events, partitionKey: { name: id, type: N } }", "id <= 6000");

		double clean = stepSeconds(mapping, 0);
		double onePercent = stepSeconds(mapping, 0.01);
		double thirtyPercent = stepSeconds(mapping, 0.30);

		System.out.printf("Unprocessed at random: clean %.1f s, 1 %% %.1f s (%.2f times), 30 %% %.1f s (%.2f times)%n",
				clean, onePercent, onePercent / clean, thirtyPercent, thirtyPercent / clean);
		assertThat(onePercent).as("1 %%: %.1f s, clean: %.1f s", onePercent, clean).isLessThanOrEqualTo(clean * 1.5);
		assertThat(thirtyPercent).as("30 %%: %.1f s, clean: %.1f s", thirtyPercent, clean)
			.isLessThanOrEqualTo(clean * 3);
	}

	/**
	 * Migrates the mapping at 1,000 WCU/s with that share of items returned unprocessed;
	 * the step's seconds.
	 */
	private double stepSeconds(Path mapping, double unprocessedRate) throws Exception {
		this.sink.reset();
		try (FaultInjectingDynamoDbProxy proxy = FaultInjectingDynamoDbProxy.start(this.sink.endpoint(),
				FaultPlan.builder().unprocessedRate(unprocessedRate).seed(3).build())) {
			Run run = run(proxy.endpoint(), mapping, "--max-write-capacity", "1000");
			assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
			assertThat(this.sink.keys()).hasSize(6000);
			Matcher seconds = Pattern.compile("event\\s+events\\s+COMPLETED(?:\\s+\\d+){4}\\s+([0-9.]+)")
				.matcher(run.output);
			assertThat(seconds.find()).as(run.output).isTrue();
			return Double.parseDouble(seconds.group(1));
		}
	}

	@Test
	void aPercentageOfAProvisionedTable_isResolvedFromDescribeTable() throws Exception {
		Path mapping = mapping("{ name: events, partitionKey: { name: id, type: N }, billingMode: provisioned, "
				+ "writeCapacity: 400 }", "id <= 100");

		Run run = run(mapping, "--max-write-capacity", "50%");

		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output).contains("Table events: write budget 200 WCU/s").doesNotContain("Warning");
		assertThat(this.sink.stats().items()).isEqualTo(100);
	}

	@Test
	void theMappingsWriteBudget_isUsed_andTheCommandLineWinsOverIt() throws Exception {
		Path mapping = mapping("{ name: events, partitionKey: { name: id, type: N }, billingMode: provisioned, "
				+ "writeCapacity: 400, writeBudget: 25% }", "id <= 100");

		assertThat(run(mapping).output).contains("Table events: write budget 100 WCU/s");
		assertThat(run(mapping, "--max-write-capacity", "300").output).contains("Table events: write budget 300 WCU/s");
	}

	@Test
	void aWriteBudgetInTheMappingThatIsNoBudget_isAProblemWithItsLine() throws Exception {
		Path mapping = mapping("{ name: events, partitionKey: { name: id, type: N }, writeBudget: 150% }", "");

		Run run = run(mapping);

		assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID);
		assertThat(run.output).contains(mapping.getFileName() + ":4:")
			.contains("`writeBudget` must be", "150%", "Write e.g. `writeBudget: 1500`");
		assertThat(this.sink.stats().calls()).isZero();
	}

	@Test
	void aBudgetAboveTheTablesCapacity_isWarnedAbout() throws Exception {
		Path mapping = mapping("{ name: events, partitionKey: { name: id, type: N }, billingMode: provisioned, "
				+ "writeCapacity: 400 }", "id <= 100");

		Run run = run(mapping, "--max-write-capacity", "800");

		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output).contains("Warning: The write budget of table events (800 WCU/s) is above its "
				+ "provisioned write capacity (400 WCU/s)");
	}

	@Test
	void aBudgetThatIsNoNumber_isRefusedWithTheFix() throws Exception {
		Run run = run(mapping("{ name: events, partitionKey: { name: id, type: N } }", ""), "--max-write-capacity",
				"lots");

		assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID);
		assertThat(run.output).contains("--max-write-capacity: 'lots' is not a write budget. Fix:");
		assertThat(this.sink.stats().calls()).isZero();
	}

	private record Run(int exitCode, String output) {
	}

}
