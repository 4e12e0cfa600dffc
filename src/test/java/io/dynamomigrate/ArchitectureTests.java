package io.dynamomigrate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of src/main, top to bottom, as the README's code layout lists them: a class
 * may use the classes of its own layer and of the layers below it, never of a layer
 * above; and no two top-level packages use each other, however indirectly. A layer that
 * has no class yet (a mode package not written yet) passes.
 * <ol>
 * <li>the top-level package {@code io.dynamomigrate} (the application's entry, if
 * any)</li>
 * <li>{@code cli}: parses options, calls a mode, prints its result</li>
 * <li>the modes: {@code run}, {@code dryrun}, {@code verify}, {@code schedule},
 * {@code fleet}, {@code distributed}</li>
 * <li>{@code session}: the migration session every mode opens</li>
 * <li>{@code job}: the Spring Batch job</li>
 * <li>{@code report}, {@code metrics}, {@code progress}</li>
 * <li>{@code dynamodb} and {@code source} (the target and the sources)</li>
 * <li>{@code sample}: the sample-data generator (used by the CLI only)</li>
 * <li>{@code transform}: records to items</li>
 * <li>{@code records}: record-level types shared by the sources and the transform</li>
 * <li>{@code mapping}: the mapping file's model, reader and validation</li>
 * </ol>
 */
class ArchitectureTests {

	private static final String ROOT = "io.dynamomigrate";

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(ROOT);
	}

	@Test
	void noClassUsesAClassOfAHigherLayer() {
		ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
			.withOptionalLayers(true)
			.layer("Application")
			.definedBy(ROOT)
			.layer("Cli")
			.definedBy(ROOT + ".cli..")
			.layer("Modes")
			.definedBy(ROOT + ".run..", ROOT + ".dryrun..", ROOT + ".verify..", ROOT + ".schedule..", ROOT + ".fleet..",
					ROOT + ".distributed..")
			.layer("Session")
			.definedBy(ROOT + ".session..")
			.layer("Job")
			.definedBy(ROOT + ".job..")
			.layer("Reporting")
			.definedBy(ROOT + ".report..", ROOT + ".metrics..", ROOT + ".progress..")
			.layer("TargetAndSources")
			.definedBy(ROOT + ".dynamodb..", ROOT + ".source..")
			.layer("Sample")
			.definedBy(ROOT + ".sample..")
			.layer("Transform")
			.definedBy(ROOT + ".transform..")
			.layer("Records")
			.definedBy(ROOT + ".records..")
			.layer("Mapping")
			.definedBy(ROOT + ".mapping..")
			.whereLayer("Application")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Cli")
			.mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Modes")
			.mayOnlyBeAccessedByLayers("Application", "Cli")
			.whereLayer("Session")
			.mayOnlyBeAccessedByLayers("Application", "Cli", "Modes")
			.whereLayer("Job")
			.mayOnlyBeAccessedByLayers("Application", "Cli", "Modes", "Session")
			.whereLayer("Reporting")
			.mayOnlyBeAccessedByLayers("Application", "Cli", "Modes", "Session", "Job")
			.whereLayer("TargetAndSources")
			.mayOnlyBeAccessedByLayers("Application", "Cli", "Modes", "Session", "Job", "Reporting")
			.whereLayer("Sample")
			.mayOnlyBeAccessedByLayers("Application", "Cli", "Modes", "Session")
			.whereLayer("Transform")
			.mayOnlyBeAccessedByLayers("Application", "Cli", "Modes", "Session", "Job", "Reporting", "TargetAndSources",
					"Sample")
			.whereLayer("Records")
			.mayOnlyBeAccessedByLayers("Application", "Cli", "Modes", "Session", "Job", "Reporting", "TargetAndSources",
					"Sample", "Transform")
			.whereLayer("Mapping")
			.mayOnlyBeAccessedByLayers("Application", "Cli", "Modes", "Session", "Job", "Reporting", "TargetAndSources",
					"Sample", "Transform", "Records");
		layers.check(classes);
	}

	@Test
	void topLevelPackagesAreFreeOfCycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
	}

}
