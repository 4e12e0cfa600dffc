package io.dynamomigrate.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the packaged jar (system property {@code dynamo-migrate.jar}, set by failsafe) in
 * separate JVMs, each writing its output to a log file of its own, and kills them with
 * {@code kill -9} when a condition holds: the fixture of the kill/restart tests. The JVMs
 * run with the C1 compiler only and the serial collector, which start a process about
 * twice as fast as the defaults and write about as fast for the few seconds each one
 * lives.
 */
final class JarProcesses {

	private final Path logs;

	/** Processes whose logs go to {@code logs}. */
	JarProcesses(Path logs) {
		this.logs = logs;
	}

	/**
	 * Starts {@code java -jar dynamo-migrate.jar args...} with its output in the log
	 * {@code logName}.
	 */
	Process start(String logName, List<String> args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "-jar", System.getProperty("dynamo-migrate.jar")));
		command.addAll(args);
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logs.resolve(logName).toFile())
			.start();
	}

	/** The output of a process so far. */
	String log(String logName) throws IOException {
		return Files.readString(logs.resolve(logName));
	}

	/**
	 * Waits until the condition holds, then kills the process with SIGKILL (no shutdown
	 * hook runs, nothing is saved); fails, showing its log, when the process ended
	 * before.
	 */
	void killWhen(Process process, BooleanSupplier condition, String logName) throws Exception {
		waitFor(() -> condition.getAsBoolean() || !process.isAlive());
		assertThat(process.isAlive()).as(log(logName)).isTrue();
		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
	}

	/** Waits until the condition holds, for three minutes at most. */
	static void waitFor(BooleanSupplier condition) {
		await().atMost(Duration.ofMinutes(3))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(5))
			.until(condition::getAsBoolean);
	}

}
