package io.dynamomigrate.cli;

import java.nio.file.Path;
import java.util.function.Function;

import io.dynamomigrate.dynamodb.capacity.TableLimiters;
import io.dynamomigrate.dynamodb.client.LocalDynamoDb;
import io.dynamomigrate.fleet.FleetEntry;
import io.dynamomigrate.fleet.LoadedFleet;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.WriteSettings;
import io.dynamomigrate.mapping.model.DynamoDbSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.progress.ProgressMode;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import io.dynamomigrate.session.SessionRefusedException;
import io.dynamomigrate.session.TargetEndpoint;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The fleet file and the options of every {@code fleet} command that opens the job
 * repository: the target endpoint and where executions are remembered.
 */
final class FleetOptions {

	@Parameters(index = "0", paramLabel = "FLEET", description = "The fleet file (YAML).")
	Path fleet;

	@Mixin
	TargetOptions target;

	@Mixin
	StateOptions state;

	/**
	 * The fleet with every entry's mapping; a fleet with problems refuses the command,
	 * listing them.
	 */
	LoadedFleet load() {
		return checked(LoadedFleet.read(fleet, System::getenv));
	}

	/**
	 * The fleet's entries without their mappings ({@code fleet status}); a fleet file
	 * with problems refuses the command.
	 */
	LoadedFleet entries() {
		return checked(LoadedFleet.entriesOnly(fleet, System::getenv));
	}

	private static LoadedFleet checked(LoadedFleet loaded) {
		if (!loaded.problems().isEmpty()) {
			throw new SessionRefusedException(ExitCodes.INVALID, FleetValidateCommand.problemLines(loaded));
		}
		return loaded;
	}

	/** The fleet's session: the job repository only. */
	SessionOptions session() {
		return state.session().batch(state.repository());
	}

	/**
	 * The session of {@code fleet status}: the job repository's database, without the
	 * Spring Batch context.
	 */
	SessionOptions statusSession() {
		return state.session().repositoryDatabase(state.repository());
	}

	/**
	 * Whether an entry writes to the local endpoint (no {@code --endpoint-url}, and
	 * {@code --local} or the mapping's {@code dynamodb.endpoint: local}): the fleet then
	 * starts one local server for all of them.
	 */
	boolean writesLocally(LoadedFleet loaded) {
		return target.endpointUrl == null && (target.local || loaded.entries()
			.stream()
			.map(FleetEntry::mapping)
			.anyMatch((m) -> m != null && DynamoDbSpec.LOCAL.equals(m.dynamodb().endpoint())));
	}

	/**
	 * The options of an entry's session: its mapping, source and target, its run lease,
	 * within the fleet's session, writing with the fleet's shared limiters. Progress is
	 * off unless {@code --progress log} (entries run side by side).
	 * @param local the fleet's local server, or null
	 */
	Function<MappingSpec, SessionOptions> entrySessions(MigrationSession fleetSession, @Nullable LocalDynamoDb local,
			ThroughputOptions throughput) {
		TableLimiters limiters = TableLimiters.shared();
		TargetEndpoint endpoint = local != null ? new TargetEndpoint(local.endpoint().toString(), false, target.region,
				state.stateDirectory.resolve("dynalite")) : target.endpoint(state.stateDirectory);
		return (mapping) -> state.session()
			.mapping(mapping)
			.endpoint(endpoint)
			.writeSettings(() -> quiet(throughput.settings()))
			.source()
			.target()
			.lease(false)
			.within(fleetSession)
			.limiters(limiters);
	}

	/**
	 * The options of an entry's dry-run session: its mapping and source, within the
	 * fleet's session.
	 */
	Function<MappingSpec, SessionOptions> dryRunSessions(MigrationSession fleetSession) {
		return (mapping) -> state.session().mapping(mapping).source().within(fleetSession);
	}

	private static WriteSettings quiet(WriteSettings settings) {
		return settings.progress() == ProgressMode.LOG ? settings : new WriteSettings(settings.budget(),
				settings.concurrency(), ProgressMode.OFF, settings.progressInterval(), settings.prewarm());
	}

	/** What continues the fleet's failed entries, and where the log is. */
	String restartHint() {
		return "`dynamo-migrate fleet restart " + fleet + "` (with the same options) continues only the failed "
				+ "entries. Log with stack traces: " + state.logFile();
	}

}
