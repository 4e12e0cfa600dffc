package io.dynamomigrate.source.jdbc;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source is only read (DESIGN.md invariant 10), against real PostgreSQL: a
 * {@code where:} that calls a volatile function inserting a row per call writes nothing
 * during {@code dry-run}, {@code run} (one reader and {@code partitions}, so the
 * partitioner's and the readers' connections) and {@code run --incremental} (the
 * watermark query), because every source connection runs in a read-only transaction; and
 * {@code init:} SQL is never run against a database that is not an in-memory H2 one.
 */
@Invariant(10)
class SourceReadOnlyIntegrationTests {

	private static final String SCHEMA = "dm_it_read_only";

	private static final int ROWS = 100;

	@TempDir
	Path temp;

	@BeforeEach
	void createSource() throws SQLException {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(SCHEMA);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE notes (id INT PRIMARY KEY, body TEXT, updated_at TIMESTAMP)");
			s.execute("INSERT INTO notes SELECT n, 'note ' || n, TIMESTAMP '2026-01-01' FROM generate_series(1, " + ROWS
					+ ") n");
			s.execute("CREATE TABLE side_effects (at TIMESTAMP DEFAULT now())");
			s.execute("""
					CREATE FUNCTION note_read() RETURNS BOOLEAN VOLATILE LANGUAGE plpgsql AS $$
					BEGIN
					  INSERT INTO side_effects DEFAULT VALUES;
					  RETURN TRUE;
					END $$""");
			s.execute("CREATE FUNCTION leave_read_only() RETURNS BOOLEAN VOLATILE LANGUAGE sql AS "
					+ "$$ SELECT set_config('default_transaction_read_only', 'off', false) = 'off' "
					+ "AND note_read() $$");
		}
	}

	@AfterEach
	void dropSource() throws SQLException {
		Postgres.dropSchema(SCHEMA);
	}

	@Test
	void whereCallingAWritingFunction_writesNothing_inDryRunOrRun() throws Exception {
		Path mapping = mapping("note_read()", "");
		for (List<String> command : List.of(List.of("dry-run", mapping.toString()),
				List.of("run", mapping.toString()))) {
			Run result = cli(command);
			assertThat(result.exitCode).as(result.output).isNotZero();
			assertThat(result.output).as(command.get(0)).contains("read-only transaction");
			assertThat(sideEffects()).as(command.get(0) + " wrote into the source:\n" + result.output).isZero();
		}
	}

	@Test
	void aFunctionThatTurnsTheSessionsDefaultOff_stillWritesNothing_partitionedOrIncremental() throws Exception {
		Path mapping = mapping("leave_read_only()", """
				    partitions: 4
				    incremental: { column: updated_at }
				""");
		for (List<String> command : List.of(List.of("run", mapping.toString()),
				List.of("run", mapping.toString(), "--incremental"))) {
			Run result = cli(command);
			assertThat(result.exitCode).as(result.output).isNotZero();
			assertThat(sideEffects()).as(String.join(" ", command) + " wrote into the source:\n" + result.output)
				.isZero();
		}
	}

	@Test
	void initScripts_neverRunAgainstPostgres() throws Exception {
		Files.writeString(temp.resolve("seed.sql"), "INSERT INTO side_effects DEFAULT VALUES;");
		Path mapping = temp.resolve("init.yml");
		Files.writeString(mapping, """
				name: read-only-init
				source:
				  url: "%s"
				  user: postgres
				  init: [seed.sql]
				tables:
				  - name: notes
				    partitionKey: { name: id, type: N }
				items:
				  - name: notes
				    table: notes
				    source: { table: notes, key: [id] }
				    attributes:
				      id: "${id}"
				""".formatted(Postgres.url(SCHEMA)));

		Run result = cli(List.of("validate", mapping.toString()));

		assertThat(result.exitCode).as(result.output).isEqualTo(2);
		assertThat(result.output).contains("init.yml:5:").contains("`init` scripts are only run on an in-memory H2");
		assertThat(sideEffects()).isZero();
	}

	private Path mapping(String where, String itemOptions) throws Exception {
		Path mapping = temp.resolve("notes.yml");
		Files.writeString(mapping, """
				name: read-only-notes
				source:
				  url: "%s"
				  user: postgres
				tables:
				  - name: read-only-notes
				    partitionKey: { name: id, type: N }
				items:
				  - name: notes
				    table: read-only-notes
				    source: { table: notes, key: [id], where: "%s" }
				    attributes:
				      id: "${id}"
				      body: "${body}"
				%s""".formatted(Postgres.url(SCHEMA), where, itemOptions));
		return mapping;
	}

	private static int sideEffects() throws SQLException {
		try (Connection c = Postgres.connect(SCHEMA);
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM side_effects")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private Run cli(List<String> args) {
		List<String> all = new ArrayList<>(args);
		if (!args.get(0).equals("validate")) {
			all.addAll(List.of("--endpoint-url", SharedDynalite.endpoint().toString(), "--state-dir",
					temp.resolve("state").toString()));
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
