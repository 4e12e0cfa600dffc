package io.dynamomigrate.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.records.SourcePosition;
import io.dynamomigrate.testing.Invariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rejects file is valid UTF-8 JSON Lines whatever the rejected value holds (DESIGN.md
 * invariant 1: every reject is recorded with its reason). Found by
 * {@code ValuePropertiesIntegrationTests}: a value whose 200-character preview ended in
 * the middle of an astral character, and a value holding a lone surrogate, made the
 * file's UTF-8 encoder fail in the middle of a line, which left half a line in the file
 * and failed the step.
 */
@Invariant(1)
class RejectsFileTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path temp;

	@Test
	void valuesWithAstralCharactersAtThePreviewsEnd_andLoneSurrogates_giveValidLinesThatReadBackExactly()
			throws Exception {
		String astralAtTheCut = "x".repeat(199) + "😀" + "tail";
		String loneSurrogates = "a\ud800b\udfffc\ude00\ud83d";
		try (RejectsFile rejects = new RejectsFile(temp, "values")) {
			rejects.forStep("values").reject(reject(1, astralAtTheCut));
			rejects.forStep("values").reject(reject(2, loneSurrogates));
		}

		List<String> lines = Files.readAllLines(temp.resolve("values-rejects.jsonl"), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(2);
		JsonNode first = JSON.readTree(lines.get(0));
		JsonNode second = JSON.readTree(lines.get(1));
		assertThat(first.path("value").asString()).isEqualTo("x".repeat(199) + "… (205 characters)");
		assertThat(second.path("value").asString()).isEqualTo(loneSurrogates);
		assertThat(second.path("key").path("line").asInt()).isEqualTo(2);
		assertThat(lines.get(1)).contains("a\\ud800b\\udfffc\\ude00\\ud83d");
	}

	@Test
	void loneSurrogateEscaping_leavesPairsAndOtherTextAsTheyAre() {
		assertThat(RejectsFile.escapeLoneSurrogates("{\"v\":\"é😀\"}")).isEqualTo("{\"v\":\"é😀\"}");
		assertThat(RejectsFile.escapeLoneSurrogates("{\"v\":\"\ud83d\"}")).isEqualTo("{\"v\":\"\\ud83d\"}");
	}

	private static RecordRejectedException reject(int line, String value) {
		return new RecordRejectedException(RejectReason.INVALID_ENCODING,
				new SourcePosition("values.json", Map.of("line", line)), "a", "a test value", value);
	}

}
