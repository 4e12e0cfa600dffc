package io.dynamomigrate.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.DynamoDbSink;
import io.dynamomigrate.testing.PartitionThrottle;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SinkStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs whole migrations from PostgreSQL through the command line into a {@link DynamoDbSink}, which measures the
 * WCU it receives per call: the budget holds in every one-second window the endpoint sees and is reached; budgets
 * given as a percentage of a provisioned table are resolved with DescribeTable; a budget above the table's capacity
 * is warned about.
 */
class WriteBudgetIntegrationTests {

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
			s.execute("INSERT INTO events SELECT g, g % 97, 'kind-' || (g % 7) FROM generate_series(1, 4000) g");
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
		List<String> args = new ArrayList<>(List.of("run", mapping.toString(), "--endpoint-url",
				this.sink.endpoint().toString(), "--source-url", Postgres.url(SOURCE_SCHEMA), "--source-user",
				Postgres.USER, "--repository-url", Postgres.url(REPOSITORY_SCHEMA), "--repository-user",
				Postgres.USER, "--progress", "off"));
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
		Path mapping = mapping("{ name: events, partitionKey: { name: id, type: N } }", "");

		Run run = run(mapping, "--max-write-capacity", "1000", "--write-concurrency", "4");

		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		SinkStats stats = this.sink.stats();
		assertThat(stats.items()).isEqualTo(4000);
		assertThat(this.sink.keys()).hasSize(4000);
		assertThat(stats.violations()).isZero();
		// every item is under 1 KB: 1 WCU each
		assertThat(stats.writeUnits()).isEqualTo(4000);
		// the limiter's grants never exceed the budget in a window; arrival at the endpoint may jitter a little
		assertThat(stats.maxWriteUnitsInAnySecond()).isLessThanOrEqualTo(1050);
		assertThat(stats.meanWriteUnitsPerSecond()).isBetween(900.0, 1030.0);
		assertThat(run.output).contains("Table events: write budget 1000 WCU/s")
			.containsPattern("event\\s+events\\s+COMPLETED\\s+4000\\s+4000\\s+0\\s+0\\s+[0-9.]+\\s+\\d+\\s+\\d+\\s+0");
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
		assertThat(run.output).contains(mapping.getFileName() + ":4:").contains("`writeBudget` must be", "150%",
				"Write e.g. `writeBudget: 1500`");
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
