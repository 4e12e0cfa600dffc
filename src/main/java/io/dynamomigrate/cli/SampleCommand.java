package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.Callable;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.sample.PlaysGenerator;
import io.dynamomigrate.sample.SampleDatabase;
import io.dynamomigrate.sample.ShardedSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sample}: loads the sample music database into a JDBC database, and adds
 * generated plays for benchmarks.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
		description = {
				"Load the sample music-streaming database (artists, albums, tracks, users, playlists, "
						+ "playlist_tracks, plays) into a PostgreSQL or H2 database, dropping its sample tables first; "
						+ "optionally add N generated plays (deterministic; fast COPY on PostgreSQL).",
				"With --shards N (PostgreSQL): the sample split by user into N schemas <prefix>01..N, created when "
						+ "missing, for the fleet file mappings/music-fleet.yml; the catalog (artists, albums, tracks) "
						+ "is in the first shard only, so the shards together hold the sample exactly once." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:done", "1:the database could not be loaded" })
final class SampleCommand implements Callable<Integer> {

	@Option(names = "--source-url", required = true, paramLabel = "JDBC_URL",
			description = "The database to load, e.g. jdbc:postgresql://127.0.0.1:5432/test?currentSchema=music "
					+ "(the schema must exist).")
	String url;

	@Option(names = "--source-user", paramLabel = "USER", description = "Database user.")
	String user;

	@Option(names = "--plays", paramLabel = "N", defaultValue = "0",
			description = "Generated plays to add after loading (default: ${DEFAULT-VALUE}).")
	long plays;

	@Option(names = "--no-load", negatable = false,
			description = "Only add generated plays; the sample must be loaded already.")
	boolean noLoad;

	@Option(names = "--shards", paramLabel = "N", defaultValue = "0",
			description = "Split the sample by user into N PostgreSQL schemas (default: not split).")
	int shards;

	@Option(names = "--shard-prefix", paramLabel = "PREFIX", defaultValue = "music_shard_",
			description = "The shard schemas' name before the number (default: ${DEFAULT-VALUE}, "
					+ "giving music_shard_01...).")
	String shardPrefix;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		if (shards > 0 && (plays > 0 || noLoad)) {
			throw new picocli.CommandLine.ParameterException(spec.commandLine(),
					"--shards loads the sample split into schemas and cannot be combined with --plays or --no-load; "
							+ "run sample --shards on its own.");
		}
		String password = System.getenv(SourceOptions.PASSWORD_ENV);
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			if (shards > 0) {
				List<String> schemas = ShardedSample.load(connection, shards, shardPrefix);
				out.printf("Loaded the sample music database split by user into %d schemas %s..%s.%n", shards,
						schemas.get(0), schemas.get(schemas.size() - 1));
				return ExitCodes.SUCCESS;
			}
			if (!noLoad) {
				SampleDatabase.load(connection);
				out.println("Loaded the sample music database.");
			}
			if (plays > 0) {
				long started = System.nanoTime();
				long added = PlaysGenerator.generate(connection, plays);
				double seconds = (System.nanoTime() - started) / 1e9;
				out.printf("Added %d generated plays in %.1f s.%n", added, seconds);
			}
		}
		return ExitCodes.SUCCESS;
	}

}
