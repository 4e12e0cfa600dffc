package io.dynamomigrate.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unreadable file records (read skips) and records that cannot become items (process
 * skips) through the command line into dynalite: both go to the rejects file with file
 * and line, and the summary still adds up ({@code read = written + rejected + filtered}).
 */
@Invariant(1)
class FileRejectsIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void readRejectsAndMappingRejects_areInTheRejectsFile_andTheCountsAddUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Files.writeString(temp.resolve("artists.csv"), """
				artist_id,name,rating
				1,Ann,4.5
				2,Bob,4.5,extra
				3,"Cy ""the"" Band",not-a-number
				4,Di,1.25
				5,"never closed
				""");
		Path mapping = temp.resolve("artists.yml");
		Files.writeString(mapping, """
				name: file-rejects
				tables:
				  - { name: file_rejects, partitionKey: { name: artist_id, type: N } }
				items:
				  - name: artists
				    table: file_rejects
				    chunkSize: 2
				    source: { file: artists.csv, key: [artist_id] }
				    attributes:
				      artist_id: { value: "${artist_id}", type: N }
				      name: "${name}"
				      rating: { value: "${rating}", type: N }
				""");
		StringWriter out = new StringWriter();
		CommandLine cli = DynamoMigrate.commandLine();
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(out));
		int exitCode = cli.execute("run", mapping.toString(), "--endpoint-url", SharedDynalite.endpoint().toString(),
				"--state-dir", temp.resolve("state").toString());

		assertThat(exitCode).as(out.toString()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		assertThat(out.toString()).containsPattern("artists\\s+file_rejects\\s+COMPLETED\\s+5\\s+2\\s+3\\s+0");
		try (DynamoDbClient client = SharedDynalite.client()) {
			assertThat(client.scan((b) -> b.tableName("file_rejects")).items())
				.extracting((item) -> item.get("artist_id").n())
				.containsExactlyInAnyOrder("1", "4");
		}
		List<String> rejects;
		try (Stream<Path> files = Files.list(temp.resolve("state/rejects"))) {
			rejects = Files.readAllLines(files.findFirst().orElseThrow());
		}
		String file = temp.resolve("artists.csv").toString();
		assertThat(rejects).hasSize(3);
		assertThat(rejects.get(0)).contains("\"source\":\"" + file + "\"", "\"key\":{\"line\":3}",
				"\"reason\":\"RAGGED_ROW\"", "4 fields, but there are 3 columns");
		assertThat(rejects.get(1)).contains("\"key\":{\"line\":4}", "\"reason\":\"INVALID_NUMBER\"",
				"\"attribute\":\"rating\"");
		assertThat(rejects.get(2)).contains("\"key\":{\"line\":6}", "\"reason\":\"MALFORMED_CSV\"");
	}

}
