package io.dynamomigrate.sample;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dynamomigrate.testing.MariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import static io.dynamomigrate.sample.SampleRows.count;
import static io.dynamomigrate.sample.SampleRows.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Loads the sample into the real MariaDB server (127.0.0.1:3306, user {@code root}) in a
 * dedicated database, which is dropped afterwards: the same rows as H2 in every table
 * (4-byte UTF-8, booleans, binaries, decimals, millisecond timestamps), generated plays
 * through batched inserts, and string literals that survive whatever the session's
 * {@code sql_mode} was.
 */
class SampleDatabaseMariaDbIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(SampleDatabaseMariaDbIntegrationTests.class);

	private static final String DATABASE = "dm_it_sample_mariadb";

	@BeforeAll
	static void createDatabase() throws SQLException {
		MariaDb.recreateDatabase(DATABASE);
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		MariaDb.dropDatabase(DATABASE);
	}

	@Test
	void mariaDbAndH2_holdTheSameRowsInEveryTable() throws SQLException {
		try (Connection mariadb = MariaDb.connect(DATABASE); Connection h2 = h2()) {
			// The script pins its own sql_mode: a session in ANSI mode without backslash
			// escapes loads the same rows.
			try (Statement statement = mariadb.createStatement()) {
				statement.execute("SET SESSION sql_mode = 'ANSI,NO_BACKSLASH_ESCAPES'");
			}
			SampleDatabase.load(mariadb);
			SampleDatabase.load(h2);
			SampleRows.assertSameSeedRowsAsH2(mariadb, h2);
			assertThat(query(mariadb, "SELECT HEX(name) FROM artists WHERE artist_id = 2"))
				.as("Neon 🌙 Tigers in UTF-8, the emoji as 4 bytes")
				.containsExactly(List.of("4E656F6E20F09F8C9920546967657273"));
		}
	}

	@Test
	void playsGenerator_insertsTheSameRowsAsOnH2() throws SQLException {
		try (Connection mariadb = MariaDb.connect(DATABASE); Connection h2 = h2()) {
			SampleDatabase.load(mariadb);
			List<Long> progress = new ArrayList<>();
			long start = System.nanoTime();
			assertThat(PlaysGenerator.generate(mariadb, 150_000, progress::add)).isEqualTo(150_000);
			long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
			logger.info("Generated plays on MariaDB [rows=150000, ms={}, rowsPerSecond={}]", millis,
					150_000L * 1000 / millis);
			assertThat(progress).containsExactly(100_000L, 150_000L);
			assertThat(count(mariadb, "SELECT COUNT(*) FROM plays")).isEqualTo(180_000);
			assertThat(count(mariadb, "SELECT COUNT(*) FROM plays p WHERE NOT EXISTS (SELECT 1 FROM users u "
					+ "WHERE u.user_id = p.user_id) OR NOT EXISTS (SELECT 1 FROM tracks t WHERE t.track_id = p.track_id)"))
				.isZero();
			SampleDatabase.load(h2);
			PlaysGenerator.generate(h2, 2_000);
			String sql = "SELECT * FROM plays WHERE play_id BETWEEN 29001 AND 32000 ORDER BY play_id";
			SampleRows.assertSameRows("plays generated on H2 and MariaDB", query(mariadb, sql), query(h2, sql));
		}
	}

	@Test
	void stringLiterals_keepBackslashesAndQuotes_whateverTheSessionsSqlMode() throws SQLException {
		String text = "C:\\music\\Zoë's \\'🌙\\";
		String script = SampleDialect.MARIADB.scriptPreamble() + "DROP TABLE IF EXISTS literals;\n"
				+ "CREATE TABLE literals (t VARCHAR(50)) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;\n"
				+ "INSERT INTO literals VALUES (" + SqlScriptWriter.literal(SampleDialect.MARIADB, text) + ");\n";
		for (String sessionMode : List.of("NO_BACKSLASH_ESCAPES", "")) {
			try (Connection mariadb = MariaDb.connect(DATABASE); Statement statement = mariadb.createStatement()) {
				statement.execute("SET SESSION sql_mode = '" + sessionMode + "'");
				ScriptUtils.executeSqlScript(mariadb, new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)));
				assertThat(query(mariadb, "SELECT t FROM literals")).as(sessionMode).containsExactly(List.of(text));
			}
		}
	}

	@Test
	void aConnectionWithoutADatabase_isRefusedWithASentence() throws SQLException {
		try (Connection server = DriverManager.getConnection(MariaDb.url(""), MariaDb.USER, "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> SampleDatabase.load(server))
				.withMessage("The MariaDB URL names no database to load the sample into; name one, e.g. "
						+ "jdbc:mariadb://127.0.0.1:3306/music_sample.");
		}
	}

	private static Connection h2() throws SQLException {
		return DriverManager.getConnection("jdbc:h2:mem:sample-mariadb-it-" + UUID.randomUUID());
	}

}
