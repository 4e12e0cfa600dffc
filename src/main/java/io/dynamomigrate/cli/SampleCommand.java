package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
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
@Command(name = "sample", mixinStandardHelpOptions = true, description = {
		"Load the sample music-streaming database (artists, albums, tracks, users, playlists, "
				+ "playlist_tracks, plays) into a PostgreSQL, MariaDB or H2 database, dropping its sample "
				+ "tables first; optionally add N generated plays (deterministic; fast COPY on PostgreSQL, "
				+ "batched inserts elsewhere). A MariaDB database named in the URL is created when missing.",
		"With --shards N: the sample split by user into N PostgreSQL schemas or N MariaDB databases "
				+ "<prefix>01..N on the URL's server, created when missing, for the fleet files "
				+ "mappings/music-fleet.yml and mappings/music-fleet-mariadb.yml; the catalog (artists, albums, "
				+ "tracks) is in the first shard only, so the shards together hold the sample exactly once." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:done", "1:the database could not be loaded" })
final class SampleCommand implements Callable<Integer> {

	@Option(names = "--source-url", required = true, paramLabel = "JDBC_URL",
			description = "The database to load, e.g. jdbc:postgresql://127.0.0.1:5432/test?currentSchema=music "
					+ "(the schema must exist) or jdbc:mariadb://127.0.0.1:3306/music_sample (created when missing).")
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
			description = "Split the sample by user into N PostgreSQL schemas or MariaDB databases "
					+ "(default: not split).")
	int shards;

	@Option(names = "--shard-prefix", paramLabel = "PREFIX", defaultValue = "music_shard_",
			description = "The shard schemas' (databases') name before the number (default: ${DEFAULT-VALUE}, "
					+ "giving music_shard_01...).")
	String shardPrefix;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		if (shards > 0 && (plays > 0 || noLoad)) {
			throw new picocli.CommandLine.ParameterException(spec.commandLine(),
					"--shards loads the sample split into shards and cannot be combined with --plays or --no-load; "
							+ "run sample --shards on its own.");
		}
		String password = System.getenv(SourceOptions.PASSWORD_ENV);
		try (Connection connection = connect(password)) {
			if (shards > 0) {
				List<String> schemas = ShardedSample.load(connection, shards, shardPrefix);
				String kind = isMySqlFamily() ? "databases" : "schemas";
				out.printf("Loaded the sample music database split by user into %d %s %s..%s.%n", shards, kind,
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

	/**
	 * MariaDB Connector/J and MySQL Connector/J create the database the URL names when it
	 * is missing ({@code createDatabaseIfNotExist}); other drivers connect as given.
	 */
	private Connection connect(String password) throws SQLException {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		if (isMySqlFamily()) {
			properties.setProperty("createDatabaseIfNotExist", "true");
		}
		return DriverManager.getConnection(url, properties);
	}

	private boolean isMySqlFamily() {
		return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
	}

}
