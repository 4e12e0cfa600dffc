package io.dynamomigrate.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DynamoDB endpoint for tests that adds Import from S3 to dynalite, on the DynamoDB
 * JSON 1.0 wire protocol: {@code ImportTable} and {@code DescribeImport} are answered
 * here as the service documents them, every other call is forwarded to dynalite. An
 * import ({@link ImportLoad}) creates its table in dynalite from the
 * {@code TableCreationParameters}, reads every object under the S3 key prefix from an
 * S3-protocol server (s3proxy), in key order, and loads its DynamoDB JSON lines;
 * {@code ImportTable} with a {@code ClientToken} already used returns that import (with
 * other parameters: {@code IdempotentParameterMismatchException}); a new import of a
 * table that exists is {@code ResourceInUseException}. While an import runs,
 * {@code DescribeImport} shows IN_PROGRESS and counters of 0, as DynamoDB does; at the
 * end COMPLETED (or FAILED) with the processed, imported and error counts. With
 * {@link #holdImportReplies()}, {@code ImportTable} starts the import and then waits to
 * answer until {@link #release()}: a test kills its client in between. Thread-safe.
 */
public final class ImportTableDouble implements AutoCloseable {

	private static final String TARGET_PREFIX = "DynamoDB_20120810.";

	static final String LOG_GROUP = "arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final ExecutorService executor = Executors.newFixedThreadPool(8, (task) -> {
		Thread thread = new Thread(task, "import-double");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpServer server;

	private final UpstreamClient upstream;

	private final URI s3Endpoint;

	private final Map<String, ImportLoad> byToken = new ConcurrentHashMap<>();

	private final Map<String, ImportLoad> byArn = new ConcurrentHashMap<>();

	private final AtomicInteger importTableCalls = new AtomicInteger();

	private volatile CountDownLatch hold = new CountDownLatch(0);

	private ImportTableDouble(URI dynalite, URI s3Endpoint) throws IOException {
		this.upstream = new UpstreamClient(dynalite, this.mapper);
		this.s3Endpoint = s3Endpoint;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Starts the double on a free port of 127.0.0.1, in front of dynalite and S3. */
	public static ImportTableDouble start(URI dynalite, URI s3Endpoint) throws IOException {
		return new ImportTableDouble(dynalite, s3Endpoint);
	}

	/** The endpoint to give the client ({@code --endpoint-url}). */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** {@code ImportTable} calls received, repeated ones included. */
	public int importTableCalls() {
		return this.importTableCalls.get();
	}

	/** The imports started (one per client token), in no order. */
	public List<ImportLoad> imports() {
		return List.copyOf(this.byArn.values());
	}

	/** From now on, {@code ImportTable} answers only after {@link #release()}. */
	public void holdImportReplies() {
		this.hold = new CountDownLatch(1);
	}

	/** Lets held and later {@code ImportTable} answers go. */
	public void release() {
		this.hold.countDown();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
			String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
			if (operation.equals("ImportTable")) {
				importTable(exchange, this.mapper.readTree(body));
			}
			else if (operation.equals("DescribeImport")) {
				ImportLoad load = this.byArn.get(this.mapper.readTree(body).path("ImportArn").asString());
				if (load == null) {
					error(exchange, "ImportNotFoundException", "There is no import with this ARN.");
				}
				else {
					reply(exchange, "ImportTableDescription", load.description(this.mapper));
				}
			}
			else {
				HttpResponse<byte[]> response = this.upstream.send(exchange.getRequestMethod(),
						exchange.getRequestURI(), exchange.getRequestHeaders(), body);
				WireReplies.relay(exchange, response, response.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			WireReplies.proxyFailure(exchange, ex);
		}
		catch (Exception ex) {
			WireReplies.proxyFailure(exchange, ex);
		}
		finally {
			exchange.close();
		}
	}

	private void importTable(HttpExchange exchange, JsonNode request) throws IOException, InterruptedException {
		this.importTableCalls.incrementAndGet();
		String token = request.path("ClientToken").asString("");
		ImportLoad load = token.isEmpty() ? null : this.byToken.get(token);
		if (load != null && !load.request().equals(request)) {
			error(exchange, "IdempotentParameterMismatchException",
					"ClientToken " + token + " was used with other parameters.");
			return;
		}
		if (load == null) {
			String table = request.path("TableCreationParameters").path("TableName").asString();
			if (tableExists(table, exchange)) {
				error(exchange, "ResourceInUseException", "Table already exists: " + table);
				return;
			}
			load = new ImportLoad(request, this.upstream, this.s3Endpoint, exchange.getRequestHeaders());
			this.byArn.put(load.arn(), load);
			if (!token.isEmpty()) {
				this.byToken.put(token, load);
			}
			this.executor.execute(load);
		}
		if (!this.hold.await(5, TimeUnit.MINUTES)) {
			throw new IllegalStateException("The held ImportTable answer was never released");
		}
		reply(exchange, "ImportTableDescription", load.description(this.mapper));
	}

	private boolean tableExists(String table, HttpExchange exchange) {
		try {
			this.upstream.keyAttributes(table, exchange.getRequestHeaders());
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private void reply(HttpExchange exchange, String name, ObjectNode description) throws IOException {
		ObjectNode reply = this.mapper.createObjectNode();
		reply.set(name, description);
		WireReplies.json(exchange, 200, this.mapper.writeValueAsBytes(reply));
	}

	private void error(HttpExchange exchange, String type, String message) throws IOException {
		ObjectNode body = this.mapper.createObjectNode()
			.put("__type", "com.amazonaws.dynamodb.v20120810#" + type)
			.put("message", message);
		WireReplies.json(exchange, 400, this.mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
		this.upstream.close();
	}

}
