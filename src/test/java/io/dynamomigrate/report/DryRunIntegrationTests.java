package io.dynamomigrate.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.dynamodb.capacity.WriteCost;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import io.dynamomigrate.testing.Chromium;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.SharedDynalite;
import io.dynamomigrate.transform.ItemSizes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dry run end to end: it makes no write call and creates nothing (counted by a
 * DynamoDB-protocol proxy), its predicted items and write units equal what a real run
 * then writes, and its HTML report, rendered in headless Chromium, shows hostile source
 * values as text without running them.
 */
class DryRunIntegrationTests {

	private static final Path HOSTILE = Path.of("src/test/resources/dry-run/hostile.yml");

	@TempDir
	Path state;

	private FaultInjectingDynamoDbProxy proxy;

	@BeforeEach
	void startProxy() {
		SharedDynalite.deleteAllTables();
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.none());
	}

	@AfterEach
	void stopProxy() {
		proxy.close();
	}

	@Test
	void dryRun_writesAndCreatesNothing_andPredictsWhatTheRunWrites() throws Exception {
		Run dryRun = cli("dry-run", "mappings/music-catalog.yml", "--report", state.resolve("reports").toString());
		assertThat(dryRun.exitCode).as(dryRun.output).isEqualTo(0);
		assertThat(proxy.batchWriteCalls()).isZero();
		try (DynamoDbClient client = SharedDynalite.client()) {
			assertThat(client.listTables().tableNames()).as("dry-run creates no table").isEmpty();
		}
		JsonNode report = report(state.resolve("reports"));
		assertThat(report.path("verdict").asString()).isEqualTo("READY");
		JsonNode table = report.path("tables").get(0);

		Run run = cli("run", "mappings/music-catalog.yml");
		assertThat(run.exitCode).as(run.output).isEqualTo(0);
		MappingSpec mapping = new MappingLoader().load(Path.of("mappings/music-catalog.yml"));
		long items = 0;
		long writeUnits = 0;
		try (DynamoDbClient client = SharedDynalite.client()) {
			for (var item : client.scanPaginator((b) -> b.tableName("music")).items()) {
				items++;
				writeUnits += WriteCost.of(item, ItemSizes.of(item), mapping.table("music").orElseThrow());
			}
		}
		assertThat(table.path("items").asLong()).isEqualTo(items).isEqualTo(40810);
		assertThat(table.path("writeUnits").asLong()).isEqualTo(writeUnits);
		assertThat(proxy.forwardedWrites()).isEqualTo(items);
	}

	@Test
	void hostileValues_areReportedAsText_andNeverRunInTheBrowser() throws Exception {
		Run dryRun = cli("dry-run", HOSTILE.toString(), "--report", state.resolve("reports").toString());
		assertThat(dryRun.exitCode).as(dryRun.output).isEqualTo(5);
		JsonNode report = report(state.resolve("reports"));
		assertThat(report.path("verdict").asString()).isEqualTo("READY_WITH_WARNINGS");
		JsonNode step = report.path("steps").get(0);
		assertThat(step.path("read").asLong()).isEqualTo(7);
		assertThat(step.path("rejected").asLong()).isEqualTo(2);
		assertThat(step.path("rejectReasons").path("NULL_KEY").asLong()).isEqualTo(1);
		assertThat(step.path("rejectReasons").path("ITEM_TOO_LARGE").asLong()).isEqualTo(1);
		assertThat(report.path("collisions").path("count").asLong()).isEqualTo(1);
		assertThat(report.path("collisions").path("examples").get(0).path("firstPosition").asString())
			.isEqualTo("notes[id=5]");

		Path html = Files.list(state.resolve("reports"))
			.filter((p) -> p.toString().endsWith(".html"))
			.findFirst()
			.orElseThrow();
		String dom = Chromium.dom(html);
		assertThat(dom).contains("READY_WITH_WARNINGS", "notes[id=3]", "ITEM_TOO_LARGE", "notes[id=7]");
		assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(dom).doesNotContain("<script>alert(1)</script>");
		assertThat(dom).contains("<title>Dry run: hostile-notes</title>").doesNotContain("pwned</title>");
		assertThat(Files.readString(html, StandardCharsets.UTF_8)).as("self-contained: no script, no external resource")
			.doesNotContain("<script")
			.doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:|//)")
			.doesNotContain("url(")
			.doesNotContain("@import");
	}

	@Test
	void anEstimatedCostOverTheLimit_makesThePlanNotReady() throws Exception {
		Run dryRun = cli("dry-run", "mappings/music-catalog.yml", "--report", state.resolve("reports").toString(),
				"--max-estimated-cost", "0.001");
		assertThat(dryRun.exitCode).as(dryRun.output).isEqualTo(6);
		assertThat(dryRun.output).contains("Not ready", "over the limit of 0.001 USD");
		assertThat(report(state.resolve("reports")).path("pricing").path("totalCost").asDouble()).isGreaterThan(0.001);
	}

	@Test
	void aSmallPlan_costsWhatItWrites_notZero_andALimitOfZeroStopsIt() throws Exception {
		Run dryRun = cli("dry-run", HOSTILE.toString(), "--report", state.resolve("reports").toString(),
				"--max-estimated-cost", "0");
		assertThat(dryRun.exitCode).as(dryRun.output).isEqualTo(6);
		JsonNode report = report(state.resolve("reports"));
		long writeUnits = report.path("tables").get(0).path("writeUnits").asLong();
		assertThat(writeUnits).isBetween(1L, 100L);
		double cost = writeUnits * 0.625 / 1_000_000;
		assertThat(report.path("tables").get(0).path("estimatedCost").asDouble()).isEqualTo(cost);
		assertThat(report.path("paths").path("writeCost").asDouble()).isEqualTo(cost);
		// the table is new and an import costs less: the limit applies to the import
		double chosen = report.path("paths").path("importCost").asDouble();
		assertThat(report.path("paths").path("recommended").asString()).isEqualTo("import");
		assertThat(report.path("pricing").path("totalCost").asDouble()).isEqualTo(chosen).isGreaterThan(0);
		String shown = new java.math.BigDecimal(writeUnits * 625).movePointLeft(9)
			.round(new java.math.MathContext(3))
			.toPlainString();
		assertThat(dryRun.output).contains("The estimated cost " + DryRunReportBuilder.usd(chosen)
				+ " USD (import, the path a run should take) is over the limit of 0 USD.");
		Path html = Files.list(state.resolve("reports"))
			.filter((p) -> p.toString().endsWith(".html"))
			.findFirst()
			.orElseThrow();
		assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("<td class=\"n\">" + shown + " USD</td>",
				"<strong>" + DryRunReportBuilder.usd(chosen) + " USD</strong>");
	}

	@Test
	void anExistingTable_isChecked_keysAlreadyPresentWarn_andAKeySchemaMismatchBlocks() throws Exception {
		Run run = cli("run", "mappings/music-catalog.yml");
		assertThat(run.exitCode).as(run.output).isEqualTo(0);
		Run again = cli("dry-run", "mappings/music-catalog.yml", "--report", state.resolve("again").toString());
		assertThat(again.exitCode).as(again.output).isEqualTo(5);
		JsonNode target = report(state.resolve("again")).path("tables").get(0).path("target");
		assertThat(target.path("exists").asBoolean()).isTrue();
		assertThat(target.path("sampledKeys").asInt()).isEqualTo(100);
		assertThat(target.path("sampledPresent").asInt()).isEqualTo(100);
		assertThat(again.output).contains("already holds 100 of 100 sampled keys");

		try (DynamoDbClient client = SharedDynalite.client()) {
			client.createTable((b) -> b.tableName("notes")
				.keySchema(k -> k.attributeName("id").keyType("HASH"))
				.attributeDefinitions(a -> a.attributeName("id").attributeType("N"))
				.billingMode("PAY_PER_REQUEST"));
		}
		Run mismatch = cli("dry-run", HOSTILE.toString(), "--report", state.resolve("mismatch").toString());
		assertThat(mismatch.exitCode).as(mismatch.output).isEqualTo(6);
		assertThat(
				report(state.resolve("mismatch")).path("tables").get(0).path("target").path("differences").toString())
			.contains("the mapping's partition key is owner (S), the table's is id (N)");
		assertThat(proxy.batchWriteCalls()).as("only the run wrote").isPositive();
	}

	@Test
	void dryRun_showsBothCostsSideBySide_andRecommendsTheCheaperPathForNewTables() throws Exception {
		Run dryRun = cli("dry-run", "mappings/music-catalog.yml", "--report", state.resolve("new").toString());
		assertThat(dryRun.exitCode).as(dryRun.output).isEqualTo(0);
		JsonNode paths = report(state.resolve("new")).path("paths");
		long writeUnits = report(state.resolve("new")).path("tables").get(0).path("writeUnits").asLong();
		JsonNode table = report(state.resolve("new")).path("tables").get(0);
		long itemBytes = Math.round(table.path("averageItemBytes").asDouble() * table.path("items").asLong());
		assertThat(paths.path("writeCost").asDouble()).isCloseTo(writeUnits * 0.625 / 1e6, within(1e-9));
		assertThat(paths.path("importBytes").asLong()).as("DynamoDB JSON is larger than the items")
			.isGreaterThan(itemBytes);
		assertThat(paths.path("importCost").asDouble()).isCloseTo(paths.path("importBytes").asLong() * 0.15 / 1e9,
				within(1e-9));
		assertThat(paths.path("importCost").asDouble()).isLessThan(paths.path("writeCost").asDouble());
		assertThat(paths.path("recommended").asString()).isEqualTo("import");
		assertThat(paths.path("importSeconds").asDouble()).isGreaterThanOrEqualTo(300);
		assertThat(dryRun.output).contains("Cost by writes: ", "by Import from S3: ",
				"Recommendation: Import from S3. Every table is new");
		String html = Files.readString(htmlIn(state.resolve("new")));
		assertThat(html).contains("id=\"load-paths\"", "Recommended: <strong>import</strong>");

		double limit = (paths.path("importCost").asDouble() + paths.path("writeCost").asDouble()) / 2;
		Run underLimit = cli("dry-run", "mappings/music-catalog.yml", "--report", state.resolve("limit").toString(),
				"--max-estimated-cost", Double.toString(limit));
		assertThat(underLimit.exitCode).as("the limit applies to the import, which is under it: " + underLimit.output)
			.isEqualTo(0);

		try (DynamoDbClient client = SharedDynalite.client()) {
			client.createTable((b) -> b.tableName("music")
				.keySchema((k) -> k.attributeName("pk").keyType("HASH"), (k) -> k.attributeName("sk").keyType("RANGE"))
				.attributeDefinitions((d) -> d.attributeName("pk").attributeType("S"),
						(d) -> d.attributeName("sk").attributeType("S"))
				.billingMode("PAY_PER_REQUEST"));
			SharedDynalite.awaitActive(client, "music");
		}
		Run existing = cli("dry-run", "mappings/music-catalog.yml", "--report", state.resolve("existing").toString(),
				"--max-estimated-cost", Double.toString(limit));
		assertThat(existing.exitCode).as("writes, over the limit: " + existing.output).isEqualTo(6);
		assertThat(report(state.resolve("existing")).path("paths").path("recommended").asString()).isEqualTo("writes");
		assertThat(existing.output).contains(
				"Recommendation: writes. An import cannot load these tables: table music " + "exists",
				"(writes, the path a run should take) is over the limit");
	}

	private static Path htmlIn(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((f) -> f.toString().endsWith(".html")).findFirst().orElseThrow();
		}
	}

	private static JsonNode report(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			Path json = files.filter((p) -> p.toString().endsWith(".json")).findFirst().orElseThrow();
			return JsonMapper.builder().build().readTree(Files.readString(json));
		}
	}

	private Run cli(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--state-dir", state.toString()));
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
