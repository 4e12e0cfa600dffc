package io.dynamomigrate.dynamodb.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.dynamodb.imports.ImportStaging.Outcome;
import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ImportStagingTests {

	@TempDir
	Path temp;

	@Test
	void lastWins_replacesTheEarlierRecord_firstWinsAndRejectKeepIt() {
		try (ImportStaging staging = new ImportStaging(temp.resolve("s.mv"))) {
			assertThat(staging.stage("t", "k1", "line 2", "{\"a\":1}", DuplicateKeyPolicy.LAST_WINS))
				.isEqualTo(Outcome.STAGED);
			assertThat(staging.stage("t", "k1", "line 9", "{\"a\":2}", DuplicateKeyPolicy.LAST_WINS))
				.isEqualTo(Outcome.REPLACED);
			assertThat(staging.stage("u", "k1", "line 2", "{\"b\":1}", DuplicateKeyPolicy.FIRST_WINS))
				.isEqualTo(Outcome.STAGED);
			assertThat(staging.stage("u", "k1", "line 9", "{\"b\":2}", DuplicateKeyPolicy.FIRST_WINS))
				.isEqualTo(Outcome.DROPPED);
			assertThat(staging.stage("u", "k1", "line 10", "{\"b\":3}", DuplicateKeyPolicy.REJECT))
				.isEqualTo(Outcome.REJECTED);
			assertThat(lines(staging, "t")).containsExactly("{\"a\":2}");
			assertThat(lines(staging, "u")).containsExactly("{\"b\":1}");
		}
	}

	@Test
	void aRecordStagedAgainAfterARestart_changesNothing_andCountsAsTheFirstTime() {
		Path file = temp.resolve("s.mv");
		try (ImportStaging staging = new ImportStaging(file)) {
			staging.stage("t", "k1", "line 2", "{\"a\":1}", DuplicateKeyPolicy.LAST_WINS);
			staging.stage("t", "k1", "line 9", "{\"a\":2}", DuplicateKeyPolicy.LAST_WINS);
			staging.stage("t", "k2", "line 3", "{\"c\":1}", DuplicateKeyPolicy.LAST_WINS);
			staging.commit();
		}
		try (ImportStaging reopened = new ImportStaging(file)) {
			assertThat(reopened.stage("t", "k1", "line 9", "{\"a\":2}", DuplicateKeyPolicy.LAST_WINS))
				.as("the replacing record again: counted as a replacement again")
				.isEqualTo(Outcome.REPLACED);
			assertThat(reopened.stage("t", "k2", "line 3", "{\"c\":1}", DuplicateKeyPolicy.LAST_WINS))
				.isEqualTo(Outcome.STAGED);
			assertThat(reopened.count("t")).isEqualTo(2);
			assertThat(lines(reopened, "t")).containsExactlyInAnyOrder("{\"a\":2}", "{\"c\":1}");
		}
	}

	private static List<String> lines(ImportStaging staging, String table) {
		List<String> lines = new ArrayList<>();
		staging.lines(table).forEachRemaining(lines::add);
		return lines;
	}

}
