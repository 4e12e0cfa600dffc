package io.dynamomigrate.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed CSV and JSON Lines exports are exactly what {@link SampleExporter} writes
 * from the sample.
 */
class SampleExporterTests {

	@TempDir
	Path dir;

	@Test
	void committedExports_equalTheExportersOutput() throws Exception {
		try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:exporter-test", "sa", "")) {
			SampleDatabase.load(h2);
			SampleExporter.export(h2, dir.resolve("csv"), dir.resolve("jsonl"));
		}
		for (String table : List.of("artists", "albums", "tracks", "users", "playlists", "playlist_tracks", "plays")) {
			for (String format : List.of("csv", "jsonl")) {
				Path committed = Path.of("sample-sources", format, table + "." + format);
				Path exported = dir.resolve(format).resolve(table + "." + format);
				assertThat(Files.mismatch(committed, exported))
					.as("%s differs from the exporter's output; regenerate it with SampleExporter", committed)
					.isEqualTo(-1L);
			}
		}
		assertThat(Files.readAllLines(dir.resolve("csv/artists.csv")).get(0))
			.isEqualTo("\"artist_id\",\"name\",\"country\",\"formed_year\",\"verified\",\"monthly_listeners\","
					+ "\"avatar_hash\",\"rating\"");
		assertThat(Files.lines(dir.resolve("jsonl/plays.jsonl")).count()).isEqualTo(30000);
	}

}
