package io.dynamomigrate.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.dynamomigrate.sample.SampleRows.count;
import static io.dynamomigrate.sample.SampleRows.query;
import static org.assertj.core.api.Assertions.assertThat;

class SampleDatabaseTests {

	static final Map<String, Long> SEED_COUNTS = Map.of("artists", 300L, "albums", 900L, "tracks", 9_010L, "users",
			200L, "playlists", 400L, "playlist_tracks", 8_393L, "plays", 30_000L);

	private Connection connection;

	@BeforeEach
	void loadSample() throws SQLException {
		this.connection = DriverManager.getConnection("jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		SampleDatabase.load(this.connection);
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
		this.connection.close();
	}

	@Test
	void load_createsEveryTableWithTheSeedRowCounts() throws SQLException {
		assertThat(rowCounts()).isEqualTo(new TreeMap<>(SEED_COUNTS));
	}

	@Test
	void load_isRerunnableAndReplacesGeneratedPlays() throws SQLException {
		PlaysGenerator.generate(this.connection, 50);
		SampleDatabase.load(this.connection);
		assertThat(rowCounts()).isEqualTo(new TreeMap<>(SEED_COUNTS));
	}

	@Test
	void awkwardValues_surviveTheRoundTrip() throws Exception {
		assertThat(query(this.connection, "SELECT * FROM artists WHERE artist_id IN (1, 2) ORDER BY artist_id"))
			.containsExactly(
					List.of("1", "Zoë O'Malley", "NZ", "2000", "false", "19377777", md5Hex("Zoë O'Malley"), "1.25"),
					List.of("2", "Neon 🌙 Tigers", "IS", "2010", "true", "2200000000", md5Hex("Neon 🌙 Tigers"),
							"4.40"));
		assertThat(query(this.connection, "SELECT * FROM albums WHERE album_id = 1"))
			.containsExactly(List.of("1", "1", "Don't Stop; Won't Stop", "2006-08-10", "album", "Golden Orchard"));
		assertThat(query(this.connection, "SELECT * FROM tracks WHERE track_id = 1"))
			.containsExactly(List.of("1", "1", "1", "It's 3 A.M. — Ça va?", "253728", "false", "NZZAD0600001", "1.29"));
		assertThat(query(this.connection, "SELECT * FROM users WHERE user_id = 1"))
			.containsExactly(List.of("1", "elena_rossi", "elena_rossi@example.org", "Lena 🎧", "NO", "premium",
					"2017-12-20T18:41:04.096", SampleRows.NULL));
		assertThat(query(this.connection, "SELECT * FROM playlists WHERE playlist_id = 1"))
			.containsExactly(List.of("1", "83", "Zoë's Favourites 💜",
					"Songs for \"late nights\", rainy days; it's fine.", "true", "2020-12-01T21:32:21"));
		assertThat(query(this.connection, "SELECT * FROM plays WHERE play_id = 1"))
			.containsExactly(List.of("1", "35", "8208", "2025-11-30T23:30:47", "24616", "speaker", "false"));
	}

	@Test
	void nullableColumns_holdBothNullsAndValues() throws SQLException {
		for (String column : List.of("artists.formed_year", "artists.avatar_hash", "artists.rating", "albums.label",
				"users.display_name", "users.birth_year", "playlists.description")) {
			String[] parts = column.split("\\.");
			long nulls = count(this.connection, "SELECT COUNT(*) FROM " + parts[0] + " WHERE " + parts[1] + " IS NULL");
			long total = count(this.connection, "SELECT COUNT(*) FROM " + parts[0]);
			assertThat(nulls).as(column).isBetween(1L, total / 2);
		}
	}

	@Test
	void playlistEntries_haveContiguousPositionsAndSomePlaylistsAreEmpty() throws SQLException {
		assertThat(count(this.connection,
				"SELECT COUNT(*) FROM (SELECT playlist_id FROM playlist_tracks "
						+ "GROUP BY playlist_id HAVING MIN(position) <> 1 OR MAX(position) <> COUNT(*)) gaps"))
			.isZero();
		assertThat(count(this.connection,
				"SELECT MAX(c) FROM (SELECT COUNT(*) c FROM playlist_tracks " + "GROUP BY playlist_id) sizes"))
			.isLessThanOrEqualTo(60);
		assertThat(
				count(this.connection,
						"SELECT COUNT(*) FROM playlists p WHERE NOT EXISTS "
								+ "(SELECT 1 FROM playlist_tracks e WHERE e.playlist_id = p.playlist_id)"))
			.isPositive();
	}

	@Test
	void plays_referToExistingUsersAndTracks() throws SQLException {
		PlaysGenerator.generate(this.connection, 1_000);
		assertThat(count(this.connection, "SELECT COUNT(*) FROM plays p WHERE NOT EXISTS (SELECT 1 FROM users u "
				+ "WHERE u.user_id = p.user_id) OR NOT EXISTS (SELECT 1 FROM tracks t WHERE t.track_id = p.track_id)"))
			.isZero();
		assertThat(count(this.connection, "SELECT COUNT(*) FROM plays p JOIN tracks t ON t.track_id = p.track_id "
				+ "WHERE p.ms_played < 1 OR p.ms_played > t.duration_ms OR (p.completed AND p.ms_played <> t.duration_ms)"))
			.isZero();
	}

	@Test
	void playsGenerator_continuesTheSeedSequence() throws SQLException {
		String lastSeedPlays = "SELECT * FROM plays WHERE play_id > 29000 ORDER BY play_id";
		List<List<String>> seed = query(this.connection, lastSeedPlays);
		try (Statement statement = this.connection.createStatement()) {
			statement.executeUpdate("DELETE FROM plays WHERE play_id > 29000");
		}
		List<Long> progress = new ArrayList<>();
		assertThat(PlaysGenerator.generate(this.connection, 1_000, progress::add)).isEqualTo(1_000);
		assertThat(progress).containsExactly(1_000L);
		SampleRows.assertSameRows("regenerated seed plays", query(this.connection, lastSeedPlays), seed);
	}

	private Map<String, Long> rowCounts() throws SQLException {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : SEED_COUNTS.keySet()) {
			counts.put(table, count(this.connection, "SELECT COUNT(*) FROM " + table));
		}
		return counts;
	}

	private static String md5Hex(String text) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
