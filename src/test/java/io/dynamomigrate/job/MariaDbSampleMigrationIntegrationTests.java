package io.dynamomigrate.job;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB as the sample's source (issue 15): {@code sample} creates a missing MariaDB
 * database and loads the sample into it, and the sample mappings run from it through the
 * command line ({@code --source-url jdbc:mariadb://...}) write exactly the items they
 * write from the embedded H2 sample, item by item and attribute by attribute, computed
 * independently from the H2 rows by {@link ExpectedSampleItems}. The job repository is
 * PostgreSQL.
 */
class MariaDbSampleMigrationIntegrationTests {

	private static final String DATABASE = "dm_it_music_mariadb";

	private static final String REPOSITORY_SCHEMA = "dm_it_mariadb_repository";

	private static final String[] MARIADB_SOURCE = { "--source-url", MariaDb.url(DATABASE), "--source-user",
			MariaDb.USER };

	private Connection h2;

	@BeforeAll
	static void loadTheSampleIntoAMissingDatabase() throws Exception {
		MariaDb.dropDatabase(DATABASE);
		Postgres.recreateSchema(REPOSITORY_SCHEMA);

		EventsFixture.Run sample = EventsFixture.cli("sample", "--source-url", MariaDb.url(DATABASE), "--source-user",
				MariaDb.USER);

		assertThat(sample.exitCode()).as(sample.output()).isZero();
		assertThat(sample.output()).contains("Loaded the sample music database.");
		try (Connection c = MariaDb.connect(DATABASE);
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM plays")) {
			rows.next();
			assertThat(rows.getLong(1)).isEqualTo(30_000);
		}
	}

	@AfterAll
	static void dropDatabases() throws Exception {
		MariaDb.dropDatabase(DATABASE);
		Postgres.dropSchema(REPOSITORY_SCHEMA);
	}

	@BeforeEach
	void emptyTargetAndLoadTheH2Sample() throws Exception {
		SharedDynalite.deleteAllTables();
		this.h2 = DriverManager.getConnection("jdbc:h2:mem:mariadb-oracle-" + UUID.randomUUID(), "sa", "");
		SampleDatabase.load(this.h2);
	}

	@AfterEach
	void closeH2() throws Exception {
		this.h2.close();
	}

	@Test
	void singleTableMapping_fromMariaDb_writesTheItemsOfTheH2Sample() throws Exception {
		EventsFixture.Run run = run("mappings/music-catalog.yml", MARIADB_SOURCE);

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output()).containsPattern("total\\s+40810\\s+40810\\s+0\\s+0");
		SampleMigrationIntegrationTests.assertSingleTable(new ExpectedSampleItems(this.h2).singleTable());
	}

	@Test
	void tablePerTableMapping_fromMariaDb_writesTheItemsOfTheH2Sample() throws Exception {
		EventsFixture.Run run = run("mappings/music-tables.yml", MARIADB_SOURCE);

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output()).containsPattern("total\\s+49203\\s+49203\\s+0\\s+0");
		SampleMigrationIntegrationTests.assertTables(new ExpectedSampleItems(this.h2).recordToRecord());
	}

	private static EventsFixture.Run run(String mapping, String... options) {
		List<String> args = new ArrayList<>(
				List.of("run", mapping, "--endpoint-url", SharedDynalite.endpoint().toString(), "--repository-url",
						Postgres.url(REPOSITORY_SCHEMA), "--repository-user", Postgres.USER));
		args.addAll(List.of(options));
		return EventsFixture.cli(args.toArray(String[]::new));
	}

}
