package io.dynamomigrate.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Loads the music sample split by user into N PostgreSQL schemas or N MariaDB databases
 * on one server, the shards of {@code mappings/music-fleet.yml} and
 * {@code mappings/music-fleet-mariadb.yml}: shard k ({@code <prefix>01} ... ) holds the
 * users whose {@code (user_id - 1) mod N = k - 1}, with their playlists, playlist entries
 * and plays; the catalog (artists, albums, tracks) is in the first shard only, so that
 * the union of the shards is exactly the unsharded sample and no two shards hold the same
 * row.
 *
 * <p>
 * <b>Re-runnable.</b> Each schema (database) is created when missing and its sample
 * tables are replaced, as {@link SampleDatabase#load} does; a MariaDB database is created
 * with {@code utf8mb4}. In the shards after the first, the playlist entries' foreign key
 * to {@code tracks} is dropped (the tracks are in the first shard).
 *
 * <p>
 * Stateless and thread-safe; a {@link Connection} must not be shared between concurrent
 * calls.
 */
public final class ShardedSample {

	private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

	private ShardedSample() {
	}

	/**
	 * The schema (MariaDB: database) of shard {@code shard} of {@code shards}: the prefix
	 * and the number, zero-padded to two digits or more, e.g. {@code music_shard_07}.
	 */
	public static String schema(String prefix, int shard, int shards) {
		int width = Math.max(2, String.valueOf(shards).length());
		return prefix + String.format("%0" + width + "d", shard);
	}

	/**
	 * Creates (when missing) and fills the schemas (MariaDB: databases) of {@code shards}
	 * shards.
	 * @param connection a connection to PostgreSQL or MariaDB, in auto-commit mode; its
	 * schema (MariaDB: current database) is changed
	 * @return the schemas or databases, in shard order
	 * @throws SQLException if a statement fails
	 * @throws IllegalArgumentException if the database is neither PostgreSQL nor MariaDB,
	 * the prefix is not a lower-case SQL name or {@code shards} is not between 1 and 999
	 */
	public static List<String> load(Connection connection, int shards, String prefix) throws SQLException {
		SampleDialect dialect = SampleDialect.fromProductName(connection.getMetaData().getDatabaseProductName());
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("The shard prefix '" + prefix
					+ "' is not a lower-case SQL name; use letters, digits and _ only, e.g. music_shard_.");
		}
		if (shards < 1 || shards > 999) {
			throw new IllegalArgumentException(
					"--shards " + shards + " is out of range; give a number of shards from 1 to 999.");
		}
		List<String> schemas = new ArrayList<>();
		for (int shard = 1; shard <= shards; shard++) {
			String schema = schema(prefix, shard, shards);
			dialect.useShard(connection, schema);
			SampleDatabase.load(connection);
			keepShard(connection, dialect, shard, shards);
			schemas.add(schema);
		}
		return schemas;
	}

	private static void keepShard(Connection connection, SampleDialect dialect, int shard, int shards)
			throws SQLException {
		String other = " MOD(%s - 1, " + shards + ") <> " + (shard - 1);
		try (Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM plays WHERE" + other.formatted("user_id"));
			statement.execute("DELETE FROM playlist_tracks WHERE playlist_id IN (SELECT playlist_id FROM playlists "
					+ "WHERE" + other.formatted("owner_user_id") + ")");
			statement.execute("DELETE FROM playlists WHERE" + other.formatted("owner_user_id"));
			statement.execute("DELETE FROM users WHERE" + other.formatted("user_id"));
			if (shard > 1) {
				statement.execute(dialect.dropForeignKey("playlist_tracks", "playlist_tracks_track_id_fkey"));
				statement.execute("DELETE FROM tracks");
				statement.execute("DELETE FROM albums");
				statement.execute("DELETE FROM artists");
			}
		}
	}

}
