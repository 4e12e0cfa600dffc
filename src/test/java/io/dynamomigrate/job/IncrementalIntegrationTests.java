package io.dynamomigrate.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import io.dynamomigrate.job.EventsFixture.Run;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --incremental} against a live PostgreSQL source (also the job repository)
 * and dynalite behind the counting proxy: after a full run, inserts, updates, soft
 * deletes and hard deletes (tombstones) in the source are carried over by an incremental
 * run that writes exactly the changed keys, and the target equals the source.
 */
class IncrementalIntegrationTests {

	private static final String SCHEMA = "dm_it_incremental";

	private static final String REPOSITORY = "dm_it_incremental_repository";

	private static final int ROWS = 1_000;

	private static final String CHANGED_AT = "TIMESTAMP '2026-03-01 10:00:00'";

	private static FaultInjectingDynamoDbProxy proxy;

	@TempDir
	Path temp;

	@BeforeAll
	static void startProxy() {
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.none());
	}

	@AfterAll
	static void dropSchemas() throws Exception {
		proxy.close();
		TracksFixture.drop(SCHEMA, REPOSITORY);
	}

	@BeforeEach
	void freshSourceTargetAndRepository() throws Exception {
		TracksFixture.reset(SCHEMA, REPOSITORY, ROWS);
		proxy.resetCounters();
	}

	@Test
	void incrementalRun_writesExactlyTheChangedKeys_andTheTargetEqualsTheSource() throws Exception {
		// a tombstone older than every row: deleted by the full run (a key that is not
		// there), never again
		TracksFixture.execute(SCHEMA,
				"INSERT INTO track_tombstones (id, deleted_at) VALUES (5000, TIMESTAMP " + "'2025-12-01 00:00:00')");
		Path mapping = EventsFixture.write(temp.resolve("tracks.yml"),
				TracksFixture.mapping("incremental-tracks", SCHEMA, 100, "0s"));

		Run full = EventsFixture.cli(with("run", mapping.toString()));
		assertThat(full.exitCode()).as(full.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(proxy.forwardedWrites()).as("every row put, the old tombstone deleted").isEqualTo(ROWS + 1);
		TracksFixture.assertTargetEquals(TracksFixture.expected(SCHEMA));

		TracksFixture.execute(SCHEMA,
				"INSERT INTO tracks SELECT g, 'new ' || g, 1, " + CHANGED_AT
						+ ", NULL FROM generate_series(1001, 1010) g",
				"UPDATE tracks SET title = 'renamed ' || id, plays = 99, updated_at = " + CHANGED_AT
						+ " WHERE id IN (5, 50, 500)",
				"UPDATE tracks SET deleted_at = " + CHANGED_AT + ", updated_at = " + CHANGED_AT
						+ " WHERE id IN (7, 70)",
				"DELETE FROM tracks WHERE id IN (9, 90)", "INSERT INTO track_tombstones (id, deleted_at) VALUES (9, "
						+ CHANGED_AT + "), (90, " + CHANGED_AT + ")");
		proxy.resetCounters();

		Run incremental = EventsFixture.cli(with("run", mapping.toString(), "--incremental"));
		assertThat(incremental.exitCode()).as(incremental.output()).isEqualTo(ExitCodes.SUCCESS);
		List<Long> changed = new ArrayList<>(LongStream.rangeClosed(1001, 1010).boxed().toList());
		changed.addAll(List.of(5L, 50L, 500L, 7L, 70L, 9L, 90L));
		assertThat(proxy.writesPerKey(TracksFixture.TABLE)).as("only the changed keys are written, each once")
			.isEqualTo(once(changed));
		assertThat(incremental.output()).containsPattern("track\\.deletes\\s+\\S+\\s+COMPLETED\\s+2\\s+2\\s+0\\s+0")
			.containsPattern("track\\s+\\S+\\s+COMPLETED\\s+15\\s+15\\s+0\\s+0")
			.contains("Step track: 2 of the written items were deletions.")
			.contains("Step track.deletes: 2 of the written items were deletions.");
		TracksFixture.assertTargetEquals(TracksFixture.expected(SCHEMA));

		Run status = EventsFixture.cli("status", "incremental-tracks", "--repository-url", Postgres.url(REPOSITORY),
				"--repository-user", Postgres.USER, "--state-dir", temp.resolve("state").toString());
		assertThat(status.output()).contains("Marks of the last completed run of incremental-tracks")
			.containsPattern("track\\s+2026-03-01T10:00\n")
			.containsPattern("track\\.deletes\\s+2026-03-01T10:00\n");

		proxy.resetCounters();
		Run nothingChanged = EventsFixture.cli(with("run", mapping.toString(), "--incremental"));
		assertThat(nothingChanged.exitCode()).as(nothingChanged.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(proxy.forwardedWrites()).as("nothing changed, nothing written").isZero();
	}

	@Test
	void overlap_rereadsRowsStampedJustBeforeTheMark_soALateCommitIsNotMissed() throws Exception {
		Path mapping = EventsFixture.write(temp.resolve("tracks.yml"),
				TracksFixture.mapping("incremental-overlap", SCHEMA, 100, "1m"));
		Run full = EventsFixture.cli(with("run", mapping.toString()));
		assertThat(full.exitCode()).as(full.output()).isEqualTo(ExitCodes.SUCCESS);

		// a transaction that stamped row 990 before the full run took its mark (row
		// 1000's time) and committed after
		TracksFixture.execute(SCHEMA, "UPDATE tracks SET title = 'late commit' WHERE id = 990");
		proxy.resetCounters();
		Run incremental = EventsFixture.cli(with("run", mapping.toString(), "--incremental"));
		assertThat(incremental.exitCode()).as(incremental.output()).isEqualTo(ExitCodes.SUCCESS);
		// the mark is row 1000's time; a one-minute overlap re-reads rows 941..1000
		// (stamped BASE + 941 s and later)
		assertThat(proxy.writesPerKey(TracksFixture.TABLE))
			.isEqualTo(once(LongStream.rangeClosed(941, 1000).boxed().toList()));
		TracksFixture.assertTargetEquals(TracksFixture.expected(SCHEMA));
	}

	private static Map<String, Long> once(List<Long> ids) {
		Map<String, Long> keys = new TreeMap<>();
		for (long id : ids) {
			keys.put("{\"pk\":{\"S\":\"TRACK#" + id + "\"}}", 1L);
		}
		return keys;
	}

	private String[] with(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--repository-url", Postgres.url(REPOSITORY),
				"--repository-user", Postgres.USER, "--state-dir", temp.resolve("state").toString()));
		return all.toArray(String[]::new);
	}

}
