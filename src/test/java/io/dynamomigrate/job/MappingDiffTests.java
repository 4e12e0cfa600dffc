package io.dynamomigrate.job;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MappingDiffTests {

	@Test
	void changes_listRemovedAndAddedLinesWithTheirNumbers() {
		String before = "name: m\nitems:\n  - name: a\n    chunkSize: 200\n    table: t\n";
		String after = "name: m\nitems:\n  - name: a\n    chunkSize: 300\n    table: t\n    maxRejects: 5\n";
		assertThat(MappingDiff.changes(before, after, 20)).containsExactly("- line 4:     chunkSize: 200",
				"+ line 4:     chunkSize: 300", "+ line 6:     maxRejects: 5");
	}

	@Test
	void changes_ofEqualTexts_isEmpty() {
		assertThat(MappingDiff.changes("a\nb\n", "a\nb\n", 20)).isEmpty();
	}

	@Test
	void changes_areCappedWithACountOfTheRest() {
		List<String> changes = MappingDiff.changes("a\nb\nc\nd\n", "w\nx\ny\nz\n", 3);
		assertThat(changes).hasSize(4).last().isEqualTo("(5 more changed lines)");
	}

	@Test
	void redact_hidesPasswordsInBlockAndFlowStyle_andTheDiffNeverShowsThem() {
		String text = "source:\n  password: s3cret # old\n  other: { user: u, password: hunter2 }\n";
		assertThat(MappingDiff.redact(text)).doesNotContain("s3cret", "hunter2")
			.contains("password: \"<redacted>\" # old", "password: \"<redacted>\" }");
		List<String> changes = MappingDiff.changes(MappingDiff.redact(text), text.replace("s3cret", "changed"), 20);
		assertThat(changes).isEmpty();
		assertThat(String.join("\n", MappingDiff.changes("a\n", "password: topsecret\n", 20)))
			.doesNotContain("topsecret");
	}

}
