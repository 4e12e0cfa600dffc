package io.dynamomigrate.cli;

import java.nio.file.Path;

import io.dynamomigrate.session.SessionOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The mapping file and the options of every command that migrates, checks or verifies it:
 * the source overrides, the target endpoint and where executions are remembered.
 */
final class MigrationOptions {

	@Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file (YAML).")
	Path mapping;

	@Mixin
	SourceOptions source;

	@Mixin
	TargetOptions target;

	@Mixin
	StateOptions state;

	/**
	 * A session on the mapping (with the source overrides), the target endpoint and the
	 * job repository.
	 */
	SessionOptions session() {
		return state.session()
			.mapping(mapping, source::apply)
			.endpoint(target.endpoint(state.stateDirectory))
			.batch(state.repository());
	}

	/** What continues a failed or stopped run of the mapping, and where its log is. */
	String restartHint() {
		return state.restartHint(mapping);
	}

	/** The {@code --region} given, or null. */
	String region() {
		return target.region;
	}

	/** Where reports go: the {@code --report} folder, or {@code <state-dir>/reports}. */
	Path reportDirectory(Path requested) {
		return state.reportDirectory(requested);
	}

}
