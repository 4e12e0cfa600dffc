package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source that cannot be opened is said at once in PostgreSQL's (or the driver's) own
 * words, not after the connection pool's 30-second wait as "Connection is not available,
 * request timed out". PostgreSQL on 127.0.0.1 accepts every password here (trust
 * authentication), so the wrong settings are a database that does not exist and a port
 * where nothing listens.
 */
class SourceConnectionIntegrationTests {

	private static final String MAPPING = "mappings/music-catalog.yml";

	@TempDir
	Path state;

	@Test
	void aDatabaseThatDoesNotExist_failsTheRunWithPostgresqlsReason() {
		String output = run("jdbc:postgresql://127.0.0.1:5432/dm_no_such_database");

		assertThat(output).contains("Error: Cannot open the source database "
				+ "jdbc:postgresql://127.0.0.1:5432/dm_no_such_database: FATAL: database \"dm_no_such_database\" does "
				+ "not exist. Check the URL, user and password")
			.doesNotContain("request timed out");
	}

	@Test
	void aPortWhereNothingListens_failsTheRunWithTheDriversReason() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}

		String output = run("jdbc:postgresql://127.0.0.1:" + port + "/test");

		assertThat(output).contains("Error: Cannot open the source database jdbc:postgresql://127.0.0.1:" + port
				+ "/test: Connection to 127.0.0.1:" + port + " refused. Check that the hostname and port are correct")
			.doesNotContain("request timed out");
	}

	private String run(String sourceUrl) {
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		int exitCode = commandLine.execute("run", MAPPING, "--source-url", sourceUrl, "--source-user", Postgres.USER,
				"--state-dir", state.toString());
		assertThat(exitCode).as(out.toString()).isEqualTo(ExitCodes.FAILED);
		return out.toString();
	}

}
