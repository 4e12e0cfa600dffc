package io.dynamomigrate.mapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The worked examples of the mapping reference (mappings/README.md) are valid mappings.
 */
class ReferenceExamplesTests {

	@Test
	void workedExamples_loadWithoutProblems() throws Exception {
		String reference = Files.readString(Path.of("mappings/README.md"));
		String examples = reference.substring(reference.indexOf("## Worked examples"));
		Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(examples);
		List<String> blocks = new ArrayList<>();
		while (yaml.find()) {
			blocks.add(yaml.group(1));
		}

		assertThat(blocks).hasSize(4);
		for (String block : blocks) {
			String mapping = "name: example\nsource: { url: \"jdbc:h2:mem:example\" }\n" + block;
			assertThatCode(() -> new MappingLoader((name) -> null).load(Path.of("mappings/README.md"), mapping))
				.as(block)
				.doesNotThrowAnyException();
		}
	}

}
