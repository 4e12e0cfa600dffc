package io.dynamomigrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dynamomigrate.testing.Invariant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every invariant of DESIGN.md (1 to 11) has at least one test marked {@link Invariant}
 * with its number, among the unit and the integration tests, and no mark names an
 * invariant that DESIGN.md does not have.
 */
class InvariantCoverageTests {

	private static final Set<Integer> INVARIANTS = IntStream.rangeClosed(1, 11)
		.boxed()
		.collect(Collectors.toCollection(TreeSet::new));

	@Test
	void everyInvariant_hasAMarkedTest_andEveryMarkNamesAnInvariant() {
		Map<Integer, List<String>> tests = markedTests();
		Set<Integer> unmarked = new TreeSet<>(INVARIANTS);
		unmarked.removeAll(tests.keySet());
		Map<Integer, List<String>> unknown = new TreeMap<>(tests);
		unknown.keySet().removeAll(INVARIANTS);

		assertThat(unmarked).as("invariants of DESIGN.md that no test marked @Invariant(n) holds").isEmpty();
		assertThat(unknown).as("@Invariant numbers that DESIGN.md does not have (1 to 11), and their tests").isEmpty();
	}

	private static Map<Integer, List<String>> markedTests() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("io.dynamomigrate");
		Map<Integer, List<String>> tests = new TreeMap<>();
		for (JavaClass testClass : classes) {
			testClass.tryGetAnnotationOfType(Invariant.class)
				.ifPresent((mark) -> add(tests, mark, testClass.getSimpleName()));
			for (JavaMethod method : testClass.getMethods()) {
				method.tryGetAnnotationOfType(Invariant.class)
					.ifPresent((mark) -> add(tests, mark, testClass.getSimpleName() + "." + method.getName()));
			}
		}
		return tests;
	}

	private static void add(Map<Integer, List<String>> tests, Invariant mark, String test) {
		for (int number : mark.value()) {
			tests.computeIfAbsent(number, (n) -> new ArrayList<>()).add(test);
		}
	}

}
