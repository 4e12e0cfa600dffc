package io.dynamomigrate.dynamodb.client;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dynalite server (the open-source DynamoDB-compatible endpoint, pinned in
 * {@code src/dynalite}) run as a child process on a free port of 127.0.0.1. With a data
 * directory it persists there, so a run can be inspected, re-run and restarted; without
 * one it keeps everything in memory. {@link #close()} stops it.
 * <p>
 * dynalite is looked up in the folder named by the system property {@code dynalite.home}
 * or the environment variable {@code DYNAMO_MIGRATE_DYNALITE_HOME}, then in
 * {@code dynalite/} next to the jar, then in {@code target/dynalite} of the working
 * directory. Thread-safe.
 */
public final class LocalDynamoDb implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalDynamoDb.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	static final String NO_NODE = "Node.js is not installed (no `node` on the PATH), so the local DynamoDB endpoint "
			+ "(dynalite) cannot start; install Node.js 20+, or use another endpoint with --endpoint-url (for example "
			+ "`docker compose up dynamodb` serves one on http://localhost:8000).";

	private final Process process;

	private final URI endpoint;

	private LocalDynamoDb(Process process, URI endpoint) {
		this.process = process;
		this.endpoint = endpoint;
	}

	/**
	 * Starts dynalite.
	 * @param dataDirectory where to persist tables, or null for in-memory
	 * @throws LocalEndpointUnavailableException when Node.js or dynalite is missing or
	 * the server does not start
	 */
	public static LocalDynamoDb start(@Nullable Path dataDirectory) {
		Path cli = findCli();
		String node = findNode();
		LocalEndpointUnavailableException last = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			int port = freePort();
			List<String> command = new ArrayList<>(List.of(node, cli.toString(), "--host", "127.0.0.1", "--port",
					String.valueOf(port), "--createTableMs", "10", "--deleteTableMs", "10", "--updateTableMs", "10"));
			if (dataDirectory != null) {
				try {
					Files.createDirectories(dataDirectory);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				command.add("--path");
				command.add(dataDirectory.toString());
			}
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (waitForPort(process, port)) {
					URI endpoint = new URI("http://127.0.0.1:" + port);
					logger.debug("Started dynalite [endpoint={}, path={}]", endpoint, dataDirectory);
					return new LocalDynamoDb(process, endpoint);
				}
				process.destroyForcibly();
				last = new LocalEndpointUnavailableException("dynalite did not start on port " + port
						+ (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")")
						+ (dataDirectory == null ? "" : "; is another process using " + dataDirectory + "?"));
			}
			catch (IOException ex) {
				throw new LocalEndpointUnavailableException("Cannot run " + node + ": " + ex.getMessage(), ex);
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LocalEndpointUnavailableException("Interrupted while starting dynalite", ex);
			}
		}
		throw last;
	}

	public URI endpoint() {
		return endpoint;
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private static boolean waitForPort(Process process, int port) throws InterruptedException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return true;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		return false;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path findCli() {
		List<Path> candidates = new ArrayList<>();
		String property = System.getProperty("dynalite.home");
		if (property != null) {
			candidates.add(Path.of(property));
		}
		String env = System.getenv("DYNAMO_MIGRATE_DYNALITE_HOME");
		if (env != null) {
			candidates.add(Path.of(env));
		}
		Path jarDirectory = jarDirectory();
		if (jarDirectory != null) {
			candidates.add(jarDirectory.resolve("dynalite"));
		}
		candidates.add(Path.of("target", "dynalite"));
		for (Path home : candidates) {
			Path cli = home.resolve("node_modules/dynalite/cli.js").toAbsolutePath();
			if (Files.isRegularFile(cli)) {
				return cli;
			}
		}
		throw new LocalEndpointUnavailableException("dynalite is not installed (looked in " + candidates
				+ "); build with `./mvnw package` (which runs `npm ci` in target/dynalite), set "
				+ "DYNAMO_MIGRATE_DYNALITE_HOME to a folder where `npm install dynalite@4.0.0` ran, or use "
				+ "--endpoint-url.");
	}

	private static String findNode() {
		String configured = System.getenv("DYNAMO_MIGRATE_NODE");
		if (configured != null) {
			return configured;
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				if (Files.isExecutable(Path.of(directory, "node"))) {
					return Path.of(directory, "node").toString();
				}
			}
		}
		throw new LocalEndpointUnavailableException(NO_NODE);
	}

	private static @Nullable Path jarDirectory() {
		try {
			var location = LocalDynamoDb.class.getProtectionDomain().getCodeSource().getLocation();
			String text = location.toString();
			// inside a Spring Boot jar:
			// jar:nested:/path/dynamo-migrate.jar/!BOOT-INF/classes/!/
			int jar = text.indexOf(".jar");
			if (jar >= 0) {
				String file = text.substring(0, jar + 4)
					.replaceFirst("^jar:", "")
					.replaceFirst("^nested:", "")
					.replaceFirst("^file:", "");
				return Path.of(file).toAbsolutePath().getParent();
			}
			return Path.of(location.toURI()).getParent();
		}
		catch (RuntimeException | URISyntaxException ex) {
			return null;
		}
	}

}
