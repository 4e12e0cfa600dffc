package io.dynamomigrate.session;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.dynamomigrate.dynamodb.capacity.TableLimiters;
import io.dynamomigrate.job.WriteSettings;
import io.dynamomigrate.mapping.model.MappingSpec;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link MigrationSession} opens, and where from: a command says which parts it
 * needs (the mapping, the source, the target, the Spring Batch context, the run lease,
 * shutdown handling) and {@link #open(PrintWriter)} opens them in that order. Not
 * thread-safe; one set of options may open several sessions (a schedule opens one a
 * tick).
 */
public final class SessionOptions {

	final Path stateDirectory;

	@Nullable Path mappingFile;

	@Nullable MappingSpec loadedMapping;

	@Nullable MigrationSession parent;

	@Nullable TableLimiters limiters;

	UnaryOperator<MappingSpec> overrides = UnaryOperator.identity();

	final List<Runnable> checks = new ArrayList<>();

	boolean warnings;

	@Nullable Supplier<WriteSettings> writeSettings;

	boolean source;

	@Nullable TargetEndpoint endpoint;

	boolean connectTarget;

	int targetConnections;

	@Nullable JobRepositoryLocation repository;

	@Nullable JobRepositoryLocation repositoryDatabase;

	boolean lease;

	boolean forceLease;

	boolean shutdown;

	private SessionOptions(Path stateDirectory) {
		this.stateDirectory = stateDirectory;
	}

	/**
	 * Options of a session whose state (rejects, scratch files, local endpoint data) is
	 * in this folder.
	 */
	public static SessionOptions in(Path stateDirectory) {
		return new SessionOptions(stateDirectory);
	}

	/**
	 * Load this mapping file (an invalid one refuses the session with its problems) and
	 * apply the overrides.
	 */
	public SessionOptions mapping(Path file, UnaryOperator<MappingSpec> overrides) {
		this.mappingFile = file;
		this.overrides = overrides;
		return this;
	}

	/**
	 * Work with this mapping, already loaded and valid (a fleet entry's, with the fleet's
	 * variables and source).
	 */
	public SessionOptions mapping(MappingSpec mapping) {
		this.loadedMapping = mapping;
		return this;
	}

	/**
	 * Work in the Spring Batch context of {@code parent} (a fleet's session), which stays
	 * open when this session closes, instead of starting one.
	 */
	public SessionOptions within(MigrationSession parent) {
		this.parent = parent;
		return this;
	}

	/**
	 * Take the tables' write-capacity limiters from {@code limiters}, shared with every
	 * other session given them (a fleet's entries write each table within one budget).
	 */
	public SessionOptions limiters(TableLimiters limiters) {
		this.limiters = limiters;
		return this;
	}

	/**
	 * Run this check of the command line once the mapping is loaded: an
	 * {@link IllegalArgumentException} refuses the session with its message.
	 */
	public SessionOptions check(Runnable check) {
		this.checks.add(check);
		return this;
	}

	/** Print the mapping's warnings before anything runs. */
	public SessionOptions warnings() {
		this.warnings = true;
		return this;
	}

	/**
	 * Write as these settings say (budget, concurrency, progress); an
	 * {@link IllegalArgumentException} from the supplier refuses the session with its
	 * message.
	 */
	public SessionOptions writeSettings(Supplier<WriteSettings> settings) {
		this.writeSettings = settings;
		return this;
	}

	/**
	 * Open the mapping's source and check the mapping against it (a mismatch refuses the
	 * session).
	 */
	public SessionOptions source() {
		this.source = true;
		return this;
	}

	/**
	 * The target, known but connected only on request
	 * ({@link MigrationSession#connect(int)}).
	 */
	public SessionOptions endpoint(TargetEndpoint target) {
		this.endpoint = target;
		return this;
	}

	/**
	 * Connect to the {@linkplain #endpoint(TargetEndpoint) endpoint}, with a connection
	 * for every write call in flight and some to spare (at least 16).
	 */
	public SessionOptions target() {
		return target(0);
	}

	/**
	 * Connect to the {@linkplain #endpoint(TargetEndpoint) endpoint} with this many HTTP
	 * connections.
	 */
	public SessionOptions target(int connections) {
		this.connectTarget = true;
		this.targetConnections = connections;
		return this;
	}

	/** Start the Spring Batch context on this job repository. */
	public SessionOptions batch(JobRepositoryLocation repository) {
		this.repository = repository;
		return this;
	}

	/**
	 * Open only this job repository's database, not the Spring Batch context (which takes
	 * about two seconds to start): for commands that only read the repository's tables
	 * with their own queries ({@code fleet status}). Its tables are created when missing,
	 * as the context would.
	 */
	public SessionOptions repositoryDatabase(JobRepositoryLocation repository) {
		this.repositoryDatabase = repository;
		return this;
	}

	/**
	 * Take the mapping's run lease in the job repository (held elsewhere: the session is
	 * refused).
	 * @param force take it even from a live-looking holder ({@code restart --recover}:
	 * the holder is known to be gone)
	 */
	public SessionOptions lease(boolean force) {
		this.lease = true;
		this.forceLease = force;
		return this;
	}

	/**
	 * Handle SIGINT and SIGTERM for the session's executions ({@link GracefulShutdown}).
	 */
	public SessionOptions shutdown() {
		this.shutdown = true;
		return this;
	}

	/**
	 * Options that open only the mapping and its source, as these do (a schedule's tick
	 * reads both again).
	 */
	public SessionOptions mappingAndSource() {
		SessionOptions tick = new SessionOptions(stateDirectory);
		tick.mappingFile = mappingFile;
		tick.overrides = overrides;
		tick.source = true;
		return tick;
	}

	/**
	 * Opens the session.
	 * @param err where warnings, signals and budget warnings are told
	 * @throws SessionRefusedException when the input or another process does not let it
	 * open
	 */
	public MigrationSession open(PrintWriter err) {
		return MigrationSession.open(this, err);
	}

}
