package io.dynamomigrate.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;

import io.dynamomigrate.report.DryRunReport.RejectSample;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The samples of rejected records a dry-run report shows: the first five of each step and
 * reason, read back from the rejects file. Thread-safe.
 */
final class RejectSamples {

	private RejectSamples() {
	}

	/** The samples by step, or none without a rejects file. */
	static Map<String, List<RejectSample>> read(@Nullable String rejectsFile) {
		Map<String, List<RejectSample>> samples = new LinkedHashMap<>();
		if (rejectsFile == null) {
			return samples;
		}
		Map<String, Integer> perReason = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		try (Stream<String> lines = Files.lines(Path.of(rejectsFile), StandardCharsets.UTF_8)) {
			lines.forEach((line) -> {
				JsonNode reject = json.readTree(line);
				String step = reject.path("step").asString();
				String reason = reject.path("reason").asString();
				if (perReason.merge(step + "/" + reason, 1, Integer::sum) <= 5) {
					samples.computeIfAbsent(step, (s) -> new ArrayList<>())
						.add(new RejectSample(reason, position(reject), reject.path("attribute").asString(),
								reject.path("message").asString(), reject.path("value").asString()));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return samples;
	}

	/**
	 * The position in the form of {@code SourcePosition.toString()}:
	 * {@code source[key=value, ...]}.
	 */
	private static String position(JsonNode reject) {
		StringJoiner key = new StringJoiner(", ", "[", "]");
		for (Map.Entry<String, JsonNode> entry : reject.path("key").properties()) {
			key.add(entry.getKey() + "="
					+ (entry.getValue().isValueNode() ? entry.getValue().asString() : entry.getValue().toString()));
		}
		return reject.path("source").asString() + key;
	}

}
