package io.dynamomigrate.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP server, on the JDK's {@link HttpServer}, for the schedule mode's metrics
 * port: {@code GET /metrics} answers the registry's meters in Prometheus text format
 * (version 0.0.4) and {@code GET /health} answers {@code {"status":"UP","detail":…}} with
 * {@code 200}, or {@code "DOWN"} with {@code 503}. Other paths are {@code 404}; other
 * methods, {@code HEAD} included, are {@code 405}. Requests are served on two daemon
 * threads of its own. Thread-safe; {@link #close()} stops it at once.
 */
public final class MetricsServer implements AutoCloseable {

	static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

	private static final Logger logger = LoggerFactory.getLogger(MetricsServer.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor;

	private final PrometheusMeterRegistry registry;

	private final Supplier<Health> health;

	private MetricsServer(HttpServer server, PrometheusMeterRegistry registry, Supplier<Health> health) {
		this.server = server;
		this.registry = registry;
		this.health = health;
		this.executor = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "metrics-http");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		server.createContext("/", this::handle);
	}

	/**
	 * Starts a server.
	 * @param host the address to listen on ({@code 0.0.0.0} for all interfaces)
	 * @param port the port, or 0 for a free one (see {@link #port()})
	 * @param registry the meters to serve
	 * @param health the current health, asked on every {@code /health} request
	 * @throws UncheckedIOException when the address cannot be bound
	 */
	public static MetricsServer start(String host, int port, PrometheusMeterRegistry registry,
			Supplier<Health> health) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(host, port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot serve metrics on " + host + ":" + port + " (" + ex.getMessage()
					+ "); choose another port, or 0 for a free one", ex);
		}
		MetricsServer metrics = new MetricsServer(server, registry, health);
		server.start();
		logger.debug("Serving metrics [address={}:{}, paths=/metrics,/health]", host, metrics.port());
		return metrics;
	}

	/** The port the server listens on. */
	public int port() {
		return server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (!path.equals("/metrics") && !path.equals("/health")) {
				respond(exchange, 404, "text/plain; charset=utf-8", "Not found: use /metrics or /health\n");
			}
			else if (!exchange.getRequestMethod().equals("GET")) {
				exchange.getResponseHeaders().set("Allow", "GET");
				respond(exchange, 405, "text/plain; charset=utf-8", "Only GET is allowed\n");
			}
			else if (path.equals("/metrics")) {
				respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
			}
			else {
				Health current = currentHealth();
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("status", current.status());
				body.put("detail", current.detail());
				respond(exchange, current.up() ? 200 : 503, "application/json", JSON.writeValueAsString(body) + "\n");
			}
		}
	}

	private Health currentHealth() {
		try {
			return health.get();
		}
		catch (RuntimeException ex) {
			return Health.down("health check failed: " + ex.getClass().getSimpleName());
		}
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		if (exchange.getRequestMethod().equals("HEAD")) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}
