package io.dynamomigrate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends requests to the real DynamoDB endpoint (dynalite) over HTTP/1.1, on its own
 * threads (not the proxy's, which wait for these). Thread-safe.
 */
final class UpstreamClient {

	/**
	 * Request headers not copied upstream: hop-by-hop, set by the HTTP client, or
	 * changing the body.
	 */
	private static final Set<String> SKIPPED_REQUEST_HEADERS = Set.of("host", "content-length", "connection",
			"keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "expect", "proxy-authorization",
			"proxy-connection", "accept-encoding");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final URI upstream;

	private final HttpClient http;

	private final ObjectMapper mapper;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "dynamodb-proxy-upstream");
		thread.setDaemon(true);
		return thread;
	});

	UpstreamClient(URI upstream, ObjectMapper mapper) {
		this.upstream = upstream;
		this.mapper = mapper;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(this.executor)
			.build();
	}

	/** Stops the client's threads; requests in flight fail. */
	void close() {
		this.executor.shutdownNow();
	}

	/**
	 * Sends {@code body} with the client's {@code headers} (less hop-by-hop ones) to the
	 * upstream.
	 */
	HttpResponse<byte[]> send(String method, URI requestUri, Map<String, List<String>> headers, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.upstream.resolve(requestUri.toString()))
			.timeout(TIMEOUT)
			.method(method, (body.length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach((name, values) -> {
			if (!SKIPPED_REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach((value) -> addHeader(request, name, value));
			}
		});
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * The key attribute names of {@code table}, from a {@code DescribeTable} call that
	 * reuses the {@code Authorization} and {@code X-Amz-Date} of {@code clientHeaders}
	 * (dynalite does not verify signatures).
	 * @throws IllegalStateException if the table cannot be described
	 */
	List<String> keyAttributes(String table, Map<String, List<String>> clientHeaders) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.upstream.resolve("/"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/x-amz-json-1.0")
			.header("X-Amz-Target", "DynamoDB_20120810.DescribeTable")
			.POST(HttpRequest.BodyPublishers
				.ofByteArray(this.mapper.writeValueAsBytes(this.mapper.createObjectNode().put("TableName", table))));
		clientHeaders.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.equals("authorization") || lower.equals("x-amz-date") || lower.equals("x-amz-security-token")) {
				values.forEach((value) -> addHeader(request, name, value));
			}
		});
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("DescribeTable failed for table '" + table + "' with status "
						+ response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
			}
			List<String> names = new ArrayList<>();
			for (JsonNode element : this.mapper.readTree(response.body()).path("Table").path("KeySchema")) {
				names.add(element.path("AttributeName").asString());
			}
			if (names.isEmpty()) {
				throw new IllegalStateException("DescribeTable returned no key schema for table '" + table + "'");
			}
			return List.copyOf(names);
		}
		catch (IOException ex) {
			throw new IllegalStateException("DescribeTable failed for table '" + table + "': " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while describing table '" + table + "'", ex);
		}
	}

	private static void addHeader(HttpRequest.Builder request, String name, String value) {
		try {
			request.header(name, value);
		}
		catch (IllegalArgumentException ex) {
			// a header the JDK client does not allow to be set (restricted); the upstream
			// does not need it
		}
	}

}
