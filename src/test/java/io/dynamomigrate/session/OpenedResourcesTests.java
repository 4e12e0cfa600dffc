package io.dynamomigrate.session;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a session opened is closed in the reverse order, every part of it, also when one
 * part fails to close.
 */
class OpenedResourcesTests {

	private final List<String> closed = new ArrayList<>();

	@Test
	void close_closesTheLastOpenedFirst() throws Exception {
		OpenedResources resources = new OpenedResources();
		for (String part : List.of("source", "target", "batch", "lease", "shutdown")) {
			resources.add(() -> closed.add(part));
		}

		resources.close();

		assertThat(closed).containsExactly("shutdown", "lease", "batch", "target", "source");
	}

	@Test
	void close_closesEveryPart_whenSomeFail_andThrowsTheFirstFailureWithTheOthersSuppressed() {
		OpenedResources resources = new OpenedResources();
		resources.add(() -> closed.add("source"));
		resources.add(() -> {
			throw new IllegalStateException("target");
		});
		resources.add(() -> closed.add("batch"));
		resources.add(() -> {
			throw new IllegalStateException("lease");
		});

		assertThatThrownBy(resources::close).hasMessage("lease")
			.satisfies(
					(ex) -> assertThat(ex.getSuppressed()).extracting(Throwable::getMessage).containsExactly("target"));
		assertThat(closed).containsExactly("batch", "source");
	}

	@Test
	void close_again_closesNothingTwice() throws Exception {
		OpenedResources resources = new OpenedResources();
		resources.add(() -> closed.add("source"));

		resources.close();
		resources.close();

		assertThat(closed).containsExactly("source");
	}

}
