package io.dynamomigrate.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dynamomigrate.mapping.model.FleetEntrySpec;
import io.dynamomigrate.mapping.model.FleetSpec;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.mapping.yaml.FleetLoader;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The fleet files the project ships load without problems: mappings/music-fleet.yml and
 * mappings/music-fleet-mariadb.yml with their entries' mappings, and the worked example
 * of the mapping reference (mappings/README.md, "Fleet files").
 */
class FleetExamplesTests {

	@TempDir
	Path temp;

	@Test
	void musicFleet_loadsTwentyShardsOfTheSingleTableMapping() {
		LoadedFleet fleet = LoadedFleet.read(Path.of("mappings/music-fleet.yml"), (name) -> null);

		assertThat(fleet.problems()).isEmpty();
		assertThat(fleet.entries()).hasSize(20);
		assertThat(fleet.entries().get(0).name()).isEqualTo("music-01");
		assertThat(fleet.entries().get(19).jobName()).isEqualTo("music-fleet.music-20");
		assertThat(fleet.entries()).allSatisfy((entry) -> {
			assertThat(entry.mapping()).isNotNull();
			assertThat(entry.spec().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=music_shard_"
					+ entry.spec().variables().get("shard"));
			assertThat(entry.spec().mapping().getFileName()).hasToString("music-catalog.yml");
		});
	}

	@Test
	void mariaDbMusicFleet_loadsTwentyShardDatabasesOfTheSingleTableMapping() {
		LoadedFleet fleet = LoadedFleet.read(Path.of("mappings/music-fleet-mariadb.yml"), (name) -> null);

		assertThat(fleet.problems()).isEmpty();
		assertThat(fleet.entries()).hasSize(20);
		assertThat(fleet.entries().get(0).name()).isEqualTo("music-01");
		assertThat(fleet.entries().get(19).jobName()).isEqualTo("music-fleet-mariadb.music-20");
		assertThat(fleet.entries()).allSatisfy((entry) -> {
			assertThat(entry.mapping()).isNotNull();
			assertThat(entry.spec().url())
				.isEqualTo("jdbc:mariadb://127.0.0.1:3306/music_shard_" + entry.spec().variables().get("shard"));
			assertThat(entry.spec().user()).isEqualTo("root");
			assertThat(entry.spec().mapping().getFileName()).hasToString("music-catalog.yml");
		});
	}

	@Test
	void referenceWorkedExample_loadsWithoutProblems() throws Exception {
		String reference = Files.readString(Path.of("mappings/README.md"));
		String section = reference.substring(reference.indexOf("## Fleet files"),
				reference.indexOf("## Worked examples"));
		Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
		List<String> blocks = new ArrayList<>();
		while (yaml.find()) {
			blocks.add(yaml.group(1));
		}
		assertThat(blocks).hasSize(2);
		String mapping = blocks.get(0).replace("${shard}", "7");
		assertThatCode(
				() -> new MappingLoader((name) -> "example-password").load(Path.of("mappings/README.md"), mapping))
			.as(mapping)
			.doesNotThrowAnyException();
		Files.writeString(temp.resolve("mariadb-shards.csv"), "shard,host\n21,my1.internal\n22,my2.internal\n");
		Path file = Files.writeString(temp.resolve("fleet.yml"), blocks.get(1));
		Problems problems = new Problems(file);

		FleetSpec fleet = new FleetLoader((name) -> "example-password",
				(connection, sql) -> List.of(Map.of("shard", "31")))
			.read(file, problems);

		assertThat(problems.list()).isEmpty();
		assertThat(fleet).isNotNull();
		assertThat(fleet.entries()).extracting(FleetEntrySpec::name)
			.containsExactly("pg-1", "pg-2", "pg-3", "my-21", "my-22", "legacy-31", "billing");
		assertThat(fleet.entries().get(3).url()).isEqualTo("jdbc:mariadb://my1.internal:3306/shop");
	}

}
