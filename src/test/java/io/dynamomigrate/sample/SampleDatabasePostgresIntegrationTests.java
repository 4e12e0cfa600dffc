package io.dynamomigrate.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.dynamomigrate.sample.SampleRows.count;
import static io.dynamomigrate.sample.SampleRows.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the sample into real PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}) in dedicated schemas, which are dropped afterwards.
 */
class SampleDatabasePostgresIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(SampleDatabasePostgresIntegrationTests.class);

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String SCHEMA = "sample_it";

	private static final String REPEAT_SCHEMA = "sample_it_repeat";

	private static final String GENERATED_CHECKSUM = "SELECT COUNT(*) || ':' || md5(string_agg(concat_ws(',', play_id, "
			+ "user_id, track_id, played_at, ms_played, device, completed), E'\\n' ORDER BY play_id)) "
			+ "FROM plays WHERE play_id > 30000";

	@BeforeAll
	static void createSchemas() throws SQLException {
		adminStatement("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
				"DROP SCHEMA IF EXISTS " + REPEAT_SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
				"CREATE SCHEMA " + REPEAT_SCHEMA);
	}

	@AfterAll
	static void dropSchemas() throws SQLException {
		adminStatement("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
				"DROP SCHEMA IF EXISTS " + REPEAT_SCHEMA + " CASCADE");
	}

	@Test
	void postgresAndH2_holdTheSameRowsInEveryTable() throws SQLException {
		try (Connection postgres = connect(SCHEMA); Connection h2 = h2()) {
			SampleDatabase.load(postgres);
			SampleDatabase.load(h2);
			SampleRows.assertSameSeedRowsAsH2(postgres, h2);
		}
	}

	@Test
	void playsGenerator_copiesDeterministicRowsFast() throws SQLException {
		String checksum;
		try (Connection postgres = connect(SCHEMA)) {
			SampleDatabase.load(postgres);
			List<Long> progress = new ArrayList<>();
			long start = System.nanoTime();
			assertThat(PlaysGenerator.generate(postgres, 200_000, progress::add)).isEqualTo(200_000);
			long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
			logger.info("Generated plays [rows=200000, ms={}, rowsPerSecond={}]", millis, 200_000L * 1000 / millis);
			assertThat(progress).containsExactly(100_000L, 200_000L);
			assertThat(count(postgres, "SELECT COUNT(*) FROM plays")).isEqualTo(230_000);
			assertThat(count(postgres, "SELECT MAX(play_id) FROM plays")).isEqualTo(230_000);
			assertThat(count(postgres, "SELECT COUNT(*) FROM plays p WHERE NOT EXISTS (SELECT 1 FROM users u "
					+ "WHERE u.user_id = p.user_id) OR NOT EXISTS (SELECT 1 FROM tracks t WHERE t.track_id = p.track_id)"))
				.isZero();
			checksum = query(postgres, GENERATED_CHECKSUM).get(0).get(0);
			try (Connection h2 = h2()) {
				SampleDatabase.load(h2);
				PlaysGenerator.generate(h2, 2_000);
				String sql = "SELECT * FROM plays WHERE play_id BETWEEN 30001 AND 32000 ORDER BY play_id";
				SampleRows.assertSameRows("plays generated on H2 and PostgreSQL", query(h2, sql), query(postgres, sql));
			}
		}
		try (Connection repeat = connect(REPEAT_SCHEMA)) {
			SampleDatabase.load(repeat);
			PlaysGenerator.generate(repeat, 120_000);
			PlaysGenerator.generate(repeat, 80_000);
			assertThat(query(repeat, GENERATED_CHECKSUM).get(0).get(0)).startsWith("200000:").isEqualTo(checksum);
		}
	}

	private static Connection connect(String schema) throws SQLException {
		return DriverManager.getConnection(URL + "?currentSchema=" + schema, "postgres", "");
	}

	private static Connection h2() throws SQLException {
		return DriverManager.getConnection("jdbc:h2:mem:sample-it-" + UUID.randomUUID());
	}

	private static void adminStatement(String... sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

}
