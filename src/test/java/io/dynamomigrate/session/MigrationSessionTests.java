package io.dynamomigrate.session;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.function.UnaryOperator;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.JobRepositorySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A session opens what its options ask for, and refuses bad input with the sentences and
 * exit codes the commands print and return. Only the mapping is opened here (no source,
 * target or job repository), or the job repository's database alone.
 */
class MigrationSessionTests {

	private static final Path THREE_MISTAKES = Path.of("src/test/resources/mappings/three-mistakes.yml");

	private static final Path CSV_MAPPING = Path.of("mappings/music-tables-csv.yml");

	@TempDir
	Path state;

	private final StringWriter err = new StringWriter();

	private MigrationSession open(SessionOptions options) {
		return options.open(new PrintWriter(err, true));
	}

	@Test
	void invalidMapping_isRefusedWithExitCode2_andEveryProblemOfTheFileThenTheirCount() {
		assertThatThrownBy(() -> open(SessionOptions.in(state).mapping(THREE_MISTAKES, UnaryOperator.identity())))
			.isInstanceOfSatisfying(SessionRefusedException.class, (refused) -> {
				assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID);
				assertThat(refused.lines()).hasSize(3).last().isEqualTo("2 problems found.");
				assertThat(refused.lines().get(0)).startsWith(THREE_MISTAKES + ":");
			});
	}

	@Test
	void failingCheckOfTheCommandLine_isRefusedWithExitCode2_andItsMessage() {
		SessionOptions options = SessionOptions.in(state).mapping(CSV_MAPPING, UnaryOperator.identity()).check(() -> {
			throw new IllegalArgumentException("--prewarm: 0 is not a write throughput.");
		});

		assertThatThrownBy(() -> open(options)).isInstanceOfSatisfying(SessionRefusedException.class,
				(refused) -> assertThat(refused.lines()).containsExactly("--prewarm: 0 is not a write throughput."));
	}

	@Test
	void mappingOnly_opensNoOtherPart_andSaysSoWhenOneIsAskedFor() {
		try (MigrationSession session = open(SessionOptions.in(state).mapping(CSV_MAPPING, UnaryOperator.identity()))) {
			assertThat(session.mapping().file()).isEqualTo(CSV_MAPPING);
			assertThatThrownBy(session::source).isInstanceOf(IllegalStateException.class)
				.hasMessage("The session has no source; its options did not ask for it");
			assertThatThrownBy(session::jobRepository).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("no Spring Batch context");
		}
	}

	@Test
	void writeSettingsThatAreWrong_areRefusedWithExitCode2_andTheOptionsMessage() {
		SessionOptions options = SessionOptions.in(state)
			.mapping(CSV_MAPPING, UnaryOperator.identity())
			.writeSettings(() -> {
				throw new IllegalArgumentException("--progress-interval: give at least 1 second.");
			});

		assertThatThrownBy(() -> open(options)).isInstanceOfSatisfying(SessionRefusedException.class, (refused) -> {
			assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID);
			assertThat(refused.getMessage()).isEqualTo("--progress-interval: give at least 1 second.");
		});
	}

	@Test
	void repositoryDatabaseOnly_createsTheBatchTablesOnANewRepository_withoutTheBatchContext_andClosesItsConnection()
			throws Exception {
		JobRepositoryLocation repository = JobRepositoryLocation.of(state, null, null, null);
		Connection opened;
		try (MigrationSession session = open(SessionOptions.in(state).repositoryDatabase(repository))) {
			opened = session.repositoryDataSource().getConnection();
			assertThat(JobRepositorySchema.exists(opened, "BATCH_JOB_INSTANCE")).isTrue();
			assertThat(JobRepositorySchema.exists(opened, "DM_RUN_LEASE")).isTrue();
			assertThatThrownBy(session::jobRepository).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("no Spring Batch context");
		}
		assertThat(opened.isClosed()).isTrue();
	}

}
