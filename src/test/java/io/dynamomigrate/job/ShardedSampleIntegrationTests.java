package io.dynamomigrate.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dynamomigrate.sample.SampleDatabase;
import io.dynamomigrate.testing.MariaDb;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sample --shards 3} splits the music sample over three PostgreSQL schemas (three
 * MariaDB databases), and {@code fleet run} of mappings/music-fleet.yml
 * (mappings/music-fleet-mariadb.yml), with this test's schema names and three shards,
 * writes exactly the items that music-catalog.yml gives for the unsharded sample,
 * compared item by item with the independent oracle {@link ExpectedSampleItems}.
 */
class ShardedSampleIntegrationTests {

	private static final List<String> SHARDS = List.of("01", "02", "03");

	private static final String PREFIX = "dm_it_sample_shard_";

	private static final String WHOLE = "dm_it_sample_whole";

	private static final String REPOSITORY = "dm_it_sample_shard_repository";

	private static final String MARIADB_PREFIX = "dm_it_sample_myshard_";

	@TempDir
	Path temp;

	@AfterEach
	void dropSchemas() throws Exception {
		for (String schema : List.of(PREFIX + "01", PREFIX + "02", PREFIX + "03", WHOLE, REPOSITORY)) {
			Postgres.dropSchema(schema);
		}
		for (String shard : SHARDS) {
			MariaDb.dropDatabase(MARIADB_PREFIX + shard);
		}
	}

	@Test
	void threeShards_fleetRunOfTheMusicFleet_writesWhatTheUnshardedSampleGives() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(REPOSITORY);
		EventsFixture.Run sample = EventsFixture.cli("sample", "--source-url", "jdbc:postgresql://127.0.0.1:5432/test",
				"--source-user", Postgres.USER, "--shards", "3", "--shard-prefix", PREFIX);
		assertThat(sample.exitCode()).as(sample.output()).isZero();
		assertThat(sample.output()).contains("split by user into 3 schemas " + PREFIX + "01.." + PREFIX + "03");
		assertThat(userCounts((shard) -> Postgres.connect(PREFIX + shard))).as("users per shard")
			.containsExactly(67, 67, 66);

		EventsFixture.Run run = fleetRun("mappings/music-fleet.yml", "music_shard_", PREFIX);

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output()).contains("3 entries run, 3 completed, 0 failed");
		Postgres.recreateSchema(WHOLE);
		try (Connection whole = Postgres.connect(WHOLE)) {
			SampleDatabase.load(whole);
			SampleMigrationIntegrationTests.assertSingleTable(new ExpectedSampleItems(whole).singleTable());
		}
	}

	@Test
	void threeMariaDbShards_fleetRunOfTheMariaDbMusicFleet_writesWhatTheUnshardedSampleGives() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(REPOSITORY);
		EventsFixture.Run sample = EventsFixture.cli("sample", "--source-url", MariaDb.url(""), "--source-user",
				MariaDb.USER, "--shards", "3", "--shard-prefix", MARIADB_PREFIX);
		assertThat(sample.exitCode()).as(sample.output()).isZero();
		assertThat(sample.output())
			.contains("split by user into 3 databases " + MARIADB_PREFIX + "01.." + MARIADB_PREFIX + "03");
		assertThat(userCounts((shard) -> MariaDb.connect(MARIADB_PREFIX + shard))).as("users per shard")
			.containsExactly(67, 67, 66);
		assertThat(rowCounts((shard) -> MariaDb.connect(MARIADB_PREFIX + shard), "tracks")).as("tracks per shard")
			.containsExactly(9_010, 0, 0);

		EventsFixture.Run run = fleetRun("mappings/music-fleet-mariadb.yml", "music_shard_", MARIADB_PREFIX);

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output()).contains("3 entries run, 3 completed, 0 failed");
		try (Connection whole = DriverManager.getConnection("jdbc:h2:mem:sharded-oracle-" + UUID.randomUUID())) {
			SampleDatabase.load(whole);
			SampleMigrationIntegrationTests.assertSingleTable(new ExpectedSampleItems(whole).singleTable());
		}
	}

	/**
	 * Runs a copy of a shipped fleet file with this test's shard names and three shards.
	 */
	private EventsFixture.Run fleetRun(String fleetFile, String shippedPrefix, String prefix) throws Exception {
		String fleet = Files.readString(Path.of(fleetFile))
			.replace(shippedPrefix, prefix)
			.replace("mapping: music-catalog.yml", "mapping: " + Path.of("mappings/music-catalog.yml").toAbsolutePath())
			.replaceAll("variables: \\[[^\\]]*\\]",
					"variables: [{ shard: \"01\" }, { shard: \"02\" }, { shard: \"03\" }]");
		Path file = Files.writeString(temp.resolve(Path.of(fleetFile).getFileName()), fleet);
		return EventsFixture.cli("fleet", "run", file.toString(), "--concurrency", "3", "--endpoint-url",
				SharedDynalite.endpoint().toString(), "--repository-url", Postgres.url(REPOSITORY), "--repository-user",
				Postgres.USER, "--state-dir", temp.resolve("state").toString());
	}

	private static List<Integer> userCounts(ShardConnections shards) throws Exception {
		return rowCounts(shards, "users");
	}

	private static List<Integer> rowCounts(ShardConnections shards, String table) throws Exception {
		List<Integer> counts = new ArrayList<>();
		for (String shard : SHARDS) {
			try (Connection c = shards.connect(shard);
					Statement s = c.createStatement();
					ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
				rows.next();
				counts.add(rows.getInt(1));
			}
		}
		return counts;
	}

	@FunctionalInterface
	private interface ShardConnections {

		Connection connect(String shard) throws Exception;

	}

}
