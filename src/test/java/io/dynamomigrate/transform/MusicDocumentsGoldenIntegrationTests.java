package io.dynamomigrate.transform;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.sample.SampleDatabase;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code mappings/music-documents.yml} from the embedded H2 sample and from
 * PostgreSQL into dynalite through the command line, reads the golden items back with
 * {@code GetItem} and compares them attribute by attribute with the hand-written DynamoDB
 * JSON in {@code src/test/resources/golden}; filtered records are counted and not
 * written.
 */
class MusicDocumentsGoldenIntegrationTests {

	private static final String REPOSITORY_SCHEMA = "dm_it_documents_repository";

	private static final String SOURCE_SCHEMA = "dm_it_documents_music";

	@BeforeAll
	static void prepare() throws Exception {
		Postgres.recreateSchema(REPOSITORY_SCHEMA);
		Postgres.recreateSchema(SOURCE_SCHEMA);
		try (Connection c = Postgres.connect(SOURCE_SCHEMA)) {
			SampleDatabase.load(c);
		}
	}

	@BeforeEach
	void emptyTarget() {
		SharedDynalite.deleteAllTables();
	}

	@AfterAll
	static void dropSchema() throws Exception {
		Postgres.dropSchema(REPOSITORY_SCHEMA);
		Postgres.dropSchema(SOURCE_SCHEMA);
	}

	@Test
	void realRunFromH2_writesTheGoldenItems_andCountsFilteredRecords() {
		assertGoldenRun();
	}

	@Test
	void realRunFromPostgres_writesTheSameGoldenItems() {
		assertGoldenRun("--source-url", Postgres.url(SOURCE_SCHEMA), "--source-user", Postgres.USER);
	}

	private static void assertGoldenRun(String... source) {
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		List<String> args = new ArrayList<>(
				List.of("run", "mappings/music-documents.yml", "--endpoint-url", SharedDynalite.endpoint().toString(),
						"--repository-url", Postgres.url(REPOSITORY_SCHEMA), "--repository-user", Postgres.USER));
		args.addAll(List.of(source));

		int exitCode = commandLine.execute(args.toArray(String[]::new));

		assertThat(exitCode).as(out.toString()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(out.toString()).containsPattern("playlist\\s+music_documents\\s+COMPLETED\\s+400\\s+305\\s+0\\s+95")
			.containsPattern("total\\s+900\\s+805\\s+0\\s+95");
		try (DynamoDbClient client = SharedDynalite.client()) {
			for (String name : MusicDocumentsGoldenTests.GOLDEN) {
				Map<String, AttributeValue> expected = GoldenItems.load("music-documents/" + name);
				Map<String, AttributeValue> actual = client
					.getItem((b) -> b.tableName("music_documents")
						.key(Map.of("pk", expected.get("pk"), "sk", expected.get("sk")))
						.consistentRead(true))
					.item();
				GoldenItems.assertSameItem(name, expected, actual);
			}
			assertThat(client
				.getItem((b) -> b.tableName("music_documents")
					.key(Map.of("pk", AttributeValue.fromS("USER#000027"), "sk", AttributeValue.fromS("PL#2"))))
				.hasItem()).as("private playlist 2 is filtered").isFalse();
			assertThat(client.scan((b) -> b.tableName("music_documents").select("COUNT")).count()).isEqualTo(805);
		}
	}

}
