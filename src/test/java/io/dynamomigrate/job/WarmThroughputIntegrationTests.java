package io.dynamomigrate.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.SharedDynalite;
import io.dynamomigrate.testing.WarmThroughputDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Warm throughput through the command line, against dynalite behind
 * {@link FaultInjectingDynamoDbProxy}, whose {@link WarmThroughputDouble} adds the
 * {@code WarmThroughput} that dynalite lacks to {@code DescribeTable} answers and records
 * the calls that raise it: the default budget of an on-demand table follows its warm
 * throughput (capped by a colder index); {@code --prewarm} sends {@code UpdateTable} (or
 * {@code CreateTable}) with {@code WarmThroughput} and waits until it is ACTIVE;
 * {@code dry-run --prewarm} shows what it would cost.
 */
class WarmThroughputIntegrationTests {

	private static final String TABLE = "warm_events";

	@TempDir
	Path directory;

	private FaultInjectingDynamoDbProxy proxy;

	private Path mapping;

	@BeforeEach
	void start() throws Exception {
		SharedDynalite.deleteAllTables();
		this.proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.none());
		StringBuilder events = new StringBuilder();
		for (int i = 1; i <= 20; i++) {
			events.append("{\"id\": ").append(i).append(", \"user\": ").append(i % 3).append("}\n");
		}
		Files.writeString(this.directory.resolve("events.jsonl"), events);
		this.mapping = this.directory.resolve("warm.yml");
		Files.writeString(this.mapping, """
				name: warm
				tables:
				  - name: %s
				    partitionKey: { name: id, type: N }
				    billingMode: pay-per-request
				    globalSecondaryIndexes:
				      - { name: byUser, partitionKey: { name: user, type: S }, projection: ALL }
				items:
				  - name: event
				    table: %s
				    source: { file: events.jsonl, key: [id] }
				    attributes:
				      id: "${id}"
				      user: "USER#${user}"
				""".formatted(TABLE, TABLE));
	}

	@AfterEach
	void stop() {
		this.proxy.close();
	}

	@Test
	void theDefaultBudgetOfAnOnDemandTable_followsItsWarmThroughput_cappedByAColderIndex() {
		Run flat = cli("run", this.mapping.toString());
		assertThat(flat.exitCode).as(flat.output).isEqualTo(ExitCodes.SUCCESS);
		assertThat(flat.output).contains("Table warm_events: write budget 4000 WCU/s (default for an on-demand table "
				+ "without warm throughput: 4000 WCU/s)");

		this.proxy.warmThroughput().set(TABLE, 9000, Map.of("byUser", 12000L));
		Run warm = cli("run", this.mapping.toString());
		assertThat(warm.exitCode).as(warm.output).isEqualTo(ExitCodes.SUCCESS);
		assertThat(warm.output).contains("Table warm_events: write budget 9000 WCU/s (default: the warm throughput "
				+ "of table warm_events (9000 WCU/s))");

		this.proxy.warmThroughput().set(TABLE, 9000, Map.of("byUser", 6000L));
		Run capped = cli("run", this.mapping.toString());
		assertThat(capped.exitCode).as(capped.output).isEqualTo(ExitCodes.SUCCESS);
		assertThat(capped.output).contains("Table warm_events: write budget 6000 WCU/s (default: the warm "
				+ "throughput of index byUser (6000 WCU/s), the lowest of table warm_events and its indexes)");

		Run given = cli("run", this.mapping.toString(), "--max-write-capacity", "500");
		assertThat(given.output).contains("Table warm_events: write budget 500 WCU/s (--max-write-capacity 500)");
		assertThat(this.proxy.warmThroughput().calls()).as("no pre-warm asked, none sent").isEmpty();
	}

	@Test
	void prewarm_sendsUpdateTableWithWarmThroughput_andWaitsUntilItIsActive() {
		Run create = cli("run", this.mapping.toString());
		assertThat(create.exitCode).as(create.output).isEqualTo(ExitCodes.SUCCESS);
		WarmThroughputDouble warm = this.proxy.warmThroughput();
		warm.set(TABLE, 4000, Map.of("byUser", 4000L));
		warm.describesWhileUpdating(3);

		Run noop = cli("run", this.mapping.toString(), "--prewarm", "4000");
		assertThat(noop.output).contains("--prewarm 4000 does nothing for table warm_events");
		assertThat(warm.calls()).isEmpty();

		Run run = cli("run", this.mapping.toString(), "--prewarm", "20000");
		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		assertThat(warm.calls()).hasSize(1);
		JsonNode update = warm.calls().get(0);
		assertThat(update.path("TableName").asString()).isEqualTo(TABLE);
		assertThat(update.path("WarmThroughput").path("WriteUnitsPerSecond").asLong()).isEqualTo(20000);
		assertThat(update.path("GlobalSecondaryIndexUpdates")).hasSize(1);
		assertThat(update.path("GlobalSecondaryIndexUpdates").get(0).path("Update").path("IndexName").asString())
			.isEqualTo("byUser");
		assertThat(update.path("GlobalSecondaryIndexUpdates")
			.get(0)
			.path("Update")
			.path("WarmThroughput")
			.path("WriteUnitsPerSecond")
			.asLong()).isEqualTo(20000);
		List<String> statuses = warm.statusesShown();
		int updated = statuses.indexOf("UPDATING");
		assertThat(statuses.subList(updated, statuses.size()))
			.as("polled through every UPDATING answer to ACTIVE, then read the budget")
			.startsWith("UPDATING", "UPDATING", "UPDATING", "ACTIVE", "ACTIVE");
		assertThat(run.output)
			.contains("Pre-warmed table warm_events and 1 index(es) to 20000 WCU/s (--prewarm; "
					+ "paid once, cannot be undone)")
			.contains("Table warm_events: write budget 20000 WCU/s (default: the warm throughput of table "
					+ "warm_events (20000 WCU/s))");
	}

	@Test
	void prewarm_ofANewTable_createsItWithWarmThroughput() {
		Run run = cli("run", this.mapping.toString(), "--prewarm", "15000");
		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		List<JsonNode> calls = this.proxy.warmThroughput().calls();
		assertThat(calls).hasSize(1);
		assertThat(calls.get(0).has("KeySchema")).as("a CreateTable call").isTrue();
		assertThat(calls.get(0).path("WarmThroughput").path("WriteUnitsPerSecond").asLong()).isEqualTo(15000);
		assertThat(calls.get(0)
			.path("GlobalSecondaryIndexes")
			.get(0)
			.path("WarmThroughput")
			.path("WriteUnitsPerSecond")
			.asLong()).isEqualTo(15000);
		assertThat(run.output).contains("Created table warm_events pre-warmed to 15000 WCU/s")
			.contains("Table warm_events: write budget 15000 WCU/s (default: the warm throughput");
	}

	@Test
	void dryRun_showsWhatThePrewarmWouldCost_andSendsNothing() throws Exception {
		Run create = cli("run", this.mapping.toString());
		assertThat(create.exitCode).as(create.output).isEqualTo(ExitCodes.SUCCESS);
		this.proxy.warmThroughput().set(TABLE, 5000, Map.of("byUser", 4000L));
		Path reports = this.directory.resolve("reports");

		Run dryRun = cli("dry-run", this.mapping.toString(), "--report", reports.toString(), "--prewarm", "10000");

		assertThat(dryRun.exitCode).as(dryRun.output).isIn(0, 5);
		// (10000 - 5000) for the table + (10000 - 4000) for the index = 11000 WCU/s
		// added, at 0.00125 USD each
		assertThat(dryRun.output).contains("Pre-warm to 10000 WCU/s: adds 11000 WCU/s of warm throughput, 13.75 USD "
				+ "once (paid, cannot be undone");
		JsonNode report;
		try (Stream<Path> files = Files.list(reports)) {
			Path json = files.filter((p) -> p.toString().endsWith(".json")).findFirst().orElseThrow();
			report = JsonMapper.builder().build().readTree(Files.readString(json));
		}
		JsonNode pricing = report.path("pricing");
		assertThat(pricing.path("prewarm").asLong()).isEqualTo(10000);
		assertThat(pricing.path("pricePerPrewarmWriteUnit").asDouble()).isEqualTo(0.00125);
		assertThat(pricing.path("prewarmCost").asDouble()).isEqualTo(13.75);
		assertThat(report.path("tables").get(0).path("prewarmWriteUnits").asLong()).isEqualTo(11000);
		assertThat(pricing.path("totalCost").asDouble())
			.isCloseTo(13.75 + report.path("tables").get(0).path("estimatedCost").asDouble(), within(1e-9));
		try (Stream<Path> files = Files.list(reports)) {
			Path html = files.filter((p) -> p.toString().endsWith(".html")).findFirst().orElseThrow();
			assertThat(Files.readString(html, StandardCharsets.UTF_8))
				.contains("Pre-warm to 10000 WCU/s (<code>--prewarm</code>): <strong>13.75 USD</strong> once")
				.contains("Pre-warm: adds 11000 WCU/s of warm throughput (table and indexes), 13.75 USD once.");
		}
		assertThat(this.proxy.warmThroughput().calls()).as("a dry run pre-warms nothing").isEmpty();

		Run priced = cli("dry-run", this.mapping.toString(), "--report", this.directory.resolve("priced").toString(),
				"--prewarm", "10000", "--price-per-prewarm-wcu", "0.01");
		assertThat(priced.output).contains("adds 11000 WCU/s of warm throughput, 110.00 USD once");
	}

	private Run cli(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--endpoint-url", this.proxy.endpoint().toString(), "--state-dir",
				this.directory.resolve("state").toString()));
		if ("run".equals(args[0])) {
			all.addAll(List.of("--progress", "off"));
		}
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		int exitCode = commandLine.execute(all.toArray(String[]::new));
		return new Run(exitCode, out.toString());
	}

	private record Run(int exitCode, String output) {
	}

}
