package io.dynamomigrate.cli;

import io.dynamomigrate.session.SessionOptions;
import picocli.CommandLine.Mixin;

/**
 * The options of the commands that write: the mapping and its endpoints, and how to
 * write.
 */
final class RunOptions {

	@Mixin
	MigrationOptions migration;

	@Mixin
	ThroughputOptions throughput;

	/**
	 * A session that runs the mapping: write settings, source, target, the mapping's run
	 * lease, shutdown handling.
	 * @param force take the lease even from a live-looking holder
	 * ({@code restart --recover})
	 */
	SessionOptions runSession(boolean force) {
		return migration.session().writeSettings(throughput::settings).source().target().lease(force).shutdown();
	}

	/**
	 * A session that schedules runs: write settings, target, shutdown handling (each tick
	 * opens the source).
	 */
	SessionOptions scheduleSession() {
		return migration.session().writeSettings(throughput::settings).target().shutdown();
	}

	/** The {@code --s3-endpoint-url} given, or null. */
	String s3EndpointUrl() {
		return migration.source.s3EndpointUrl;
	}

	/** What continues a failed or stopped run of the mapping, and where its log is. */
	String restartHint() {
		return migration.restartHint();
	}

}
