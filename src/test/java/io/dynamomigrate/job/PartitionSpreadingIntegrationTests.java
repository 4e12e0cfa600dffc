package io.dynamomigrate.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.DynamoDbSink;
import io.dynamomigrate.testing.PartitionThrottle;
import io.dynamomigrate.testing.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rolling hot partition: a source read in key order, whose consecutive rows share a
 * partition key, against an endpoint that throttles per partition as DynamoDB does
 * ({@link PartitionThrottle}: a table of 4 partitions, {@code hash(pk) mod 4}, 50 WCU/s
 * each, standing for DynamoDB's 1,000), with a write budget of twice the table's capacity
 * (400 WCU/s), so that the partitions, not the budget, set the pace. Read by one reader
 * in chunks of 50, every chunk's writes go to one partition and crawl at its capacity;
 * read as 4 key ranges at once ({@code partitions: 4}), four partitions are written
 * together, and the items one partition returns unprocessed slow down only the key range
 * that sent them. Both runs write every item exactly as the source says: none is lost.
 */
class PartitionSpreadingIntegrationTests {

	private static final String SOURCE_SCHEMA = "dm_it_spread_source";

	private static final String REPOSITORY_SCHEMA = "dm_it_spread_repository";

	private static final int USERS = 4;

	private static final int PLAYS_PER_USER = 150;

	private static final PartitionThrottle PARTITIONS = PartitionThrottle.perPartition(4, 50);

	@TempDir
	Path directory;

	@BeforeAll
	static void createSource() throws Exception {
		Postgres.recreateSchema(SOURCE_SCHEMA);
		Postgres.recreateSchema(REPOSITORY_SCHEMA);
		try (Connection c = Postgres.connect(SOURCE_SCHEMA); Statement s = c.createStatement()) {
			// in key order, 200 consecutive plays belong to one user: USER#1 first, then
			// USER#2, ...
			s.execute("CREATE TABLE plays (play_id BIGINT PRIMARY KEY, user_id INT NOT NULL)");
			s.execute("INSERT INTO plays SELECT g, (g - 1) / " + PLAYS_PER_USER + " + 1 FROM generate_series(1, "
					+ USERS * PLAYS_PER_USER + ") g");
		}
	}

	@AfterAll
	static void dropSchemas() throws Exception {
		Postgres.dropSchema(SOURCE_SCHEMA);
		Postgres.dropSchema(REPOSITORY_SCHEMA);
	}

	@Test
	void keyOrderedSource_isWrittenMuchFasterAsKeyRangesReadTogether_thanByOneReader_andNothingIsLost()
			throws Exception {
		Set<Integer> partitions = new HashSet<>();
		for (int user = 1; user <= USERS; user++) {
			partitions.add(PARTITIONS.partition("{\"S\":\"USER#" + user + "\"}"));
		}
		assertThat(partitions).as("each user in a partition of its own").hasSize(USERS);

		Result sequential = migrate(1);
		Result partitioned = migrate(USERS);

		Set<String> expected = new HashSet<>();
		for (int play = 1; play <= USERS * PLAYS_PER_USER; play++) {
			expected.add("plays:{\"pk\":{\"S\":\"USER#" + ((play - 1) / PLAYS_PER_USER + 1) + "\"},\"sk\":{\"N\":\""
					+ play + "\"}}");
		}
		for (Result result : List.of(sequential, partitioned)) {
			assertThat(result.exitCode).as(result.output).isEqualTo(ExitCodes.SUCCESS);
			assertThat(result.keys).isEqualTo(expected);
			assertThat(result.output).containsPattern("play\\s+plays\\s+COMPLETED\\s+600\\s+600\\s+0\\s+0");
		}
		// one partition at 50 WCU/s: 600 items need 12 one-second buckets (less the burst
		// a bucket boundary allows);
		// four partitions at once: a fraction of that, as long as one key range's
		// unprocessed items do not slow the
		// others down (defect 3 of issue 18: one table-wide rate made it only 1.3 times
		// faster)
		assertThat(sequential.stepSeconds).as(sequential.output).isGreaterThanOrEqualTo(6.0);
		System.out.printf("Rolling hot partition: one reader %.1f s, partitions: 4 %.1f s (%.1f times faster)%n",
				sequential.stepSeconds, partitioned.stepSeconds, sequential.stepSeconds / partitioned.stepSeconds);
		assertThat(partitioned.stepSeconds)
			.as("%s s partitioned, %s s sequential", partitioned.stepSeconds, sequential.stepSeconds)
			.isLessThanOrEqualTo(sequential.stepSeconds / 2.5);
	}

	private Result migrate(int partitions) throws Exception {
		Path mapping = this.directory.resolve("plays-" + partitions + ".yml");
		Files.writeString(mapping, """
				name: plays-%d
				source: { url: "jdbc:h2:mem:unused" }
				tables:
				  - { name: plays, partitionKey: { name: pk, type: S }, sortKey: { name: sk, type: N } }
				items:
				  - name: play
				    table: plays
				    source: { table: plays, key: [play_id] }
				    partitions: %d
				    chunkSize: 50
				    attributes:
				      pk: "USER#${user_id}"
				      sk: "${play_id}"
				""".formatted(partitions, partitions));
		try (DynamoDbSink sink = DynamoDbSink.start(0, 8, PartitionThrottle.perPartition(4, 50), true)) {
			StringWriter out = new StringWriter();
			CommandLine commandLine = DynamoMigrate.commandLine();
			commandLine.setOut(new PrintWriter(out));
			commandLine.setErr(new PrintWriter(out));
			int exitCode = commandLine.execute("run", mapping.toString(), "--endpoint-url", sink.endpoint().toString(),
					"--source-url", Postgres.url(SOURCE_SCHEMA), "--source-user", Postgres.USER, "--repository-url",
					Postgres.url(REPOSITORY_SCHEMA), "--repository-user", Postgres.USER, "--progress", "off",
					"--max-write-capacity", "400");
			String output = out.toString();
			Matcher seconds = Pattern.compile("play\\s+plays\\s+COMPLETED(?:\\s+\\d+){4}\\s+([0-9.]+)").matcher(output);
			return new Result(exitCode, output, sink.keys(),
					seconds.find() ? Double.parseDouble(seconds.group(1)) : -1);
		}
	}

	private record Result(int exitCode, String output, Set<String> keys, double stepSeconds) {
	}

}
