package io.dynamomigrate.source.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.mapping.model.CsvSpec;
import io.dynamomigrate.mapping.model.FileSourceSpec;
import io.dynamomigrate.testing.Invariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import static io.dynamomigrate.source.file.FileReading.read;
import static io.dynamomigrate.source.file.FileReading.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Directories and globs as one source in a stable order, and restarting from a saved
 * position.
 */
class FileSourceRestartTests {

	@TempDir
	Path dir;

	@Test
	void directory_isReadInPathOrder_skippingHiddenFiles() throws Exception {
		Files.writeString(dir.resolve("b.jsonl"), "{\"id\": 3}\n");
		Files.writeString(dir.resolve("a.jsonl"), "{\"id\": 1}\n{\"id\": 2}\n");
		Files.writeString(dir.resolve(".hidden.jsonl"), "{\"id\": 99}\n");
		List<FileReading.Outcome> read = readAll(new FileSourceSpec(".", dir, null, CsvSpec.DEFAULT, 1000));
		assertThat(read).map((o) -> Path.of(o.file()).getFileName() + ":" + o)
			.containsExactly("a.jsonl:1:{id=1}", "a.jsonl:2:{id=2}", "b.jsonl:1:{id=3}");
	}

	@Test
	void glob_matchesAcrossDirectories_andMixesCompressedFiles() throws Exception {
		Files.createDirectories(dir.resolve("2024/01"));
		Files.createDirectories(dir.resolve("2024/02"));
		Files.write(dir.resolve("2024/02/part.jsonl.gz"), Gzip.compress("{\"id\": 2}\n"));
		Files.writeString(dir.resolve("2024/01/part.jsonl"), "{\"id\": 1}\n");
		Files.writeString(dir.resolve("2024/01/notes.txt"), "not matched");
		List<FileReading.Outcome> read = readAll(
				new FileSourceSpec("2024/**/part.jsonl*", dir, null, CsvSpec.DEFAULT, 1000));
		assertThat(read).map(Object::toString).containsExactly("1:{id=1}", "1:{id=2}");
	}

	@Test
	void noMatchingFile_failsTheStepWithThePath() {
		FileSourceSpec spec = new FileSourceSpec("missing/*.csv", dir, null, CsvSpec.DEFAULT, 1000);
		assertThatThrownBy(() -> readAll(spec)).isInstanceOf(ItemStreamException.class)
			.hasMessageContaining("No file matches " + dir.resolve("missing/*.csv"))
			.hasMessageContaining("relative to the mapping file");
	}

	@Test
	@Invariant(4)
	void restart_continuesWithTheNextRecordOfTheRightFile_countingRejects() throws Exception {
		Files.writeString(dir.resolve("a.csv"), "id\n1\n2\n3,x\n4\n");
		Files.write(dir.resolve("b.csv.gz"), Gzip.compress("id\n5\n6\n"));
		FileSourceSpec spec = new FileSourceSpec(".", dir, null, CsvSpec.DEFAULT, 1000);
		List<String> all = readAll(spec).stream().map(FileReading.Outcome::toString).toList();
		for (int stop = 1; stop < all.size(); stop++) {
			List<String> resumed = new ArrayList<>();
			FileReading.Result first = read(spec, new ExecutionContext(), stop);
			first.outcomes().forEach((o) -> resumed.add(o.toString()));
			read(spec, first.context(), Integer.MAX_VALUE).outcomes().forEach((o) -> resumed.add(o.toString()));
			assertThat(resumed).as("stopped after %d", stop).isEqualTo(all);
		}
		assertThat(all).containsExactly("2:{id=1}", "3:{id=2}", "4:RAGGED_ROW", "5:{id=4}", "2:{id=5}", "3:{id=6}");
	}

	@Test
	@Invariant(4)
	void restart_afterTheLastFile_readsNothing() throws Exception {
		Files.writeString(dir.resolve("a.jsonl"), "{\"id\": 1}\n");
		FileSourceSpec spec = new FileSourceSpec("a.jsonl", dir, null, CsvSpec.DEFAULT, 1000);
		FileReading.Result done = read(spec, new ExecutionContext(), 10);
		assertThat(read(spec, done.context(), 10).outcomes()).isEmpty();
	}

	@Test
	@Invariant(4)
	void restart_whenTheFilesChanged_failsInsteadOfReadingTheWrongRecords() throws Exception {
		Files.writeString(dir.resolve("b.jsonl"), "{\"id\": 1}\n{\"id\": 2}\n");
		FileSourceSpec spec = new FileSourceSpec(".", dir, null, CsvSpec.DEFAULT, 1000);
		FileReading.Result first = read(spec, new ExecutionContext(), 1);
		Files.writeString(dir.resolve("a.jsonl"), "{\"id\": 0}\n");
		assertThatThrownBy(() -> read(spec, first.context(), 10)).isInstanceOf(ItemStreamException.class)
			.hasMessageContaining("changed since the failed run");
	}

}
