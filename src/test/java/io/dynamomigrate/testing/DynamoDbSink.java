package io.dynamomigrate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dynamomigrate.transform.ItemSizes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal DynamoDB endpoint that validates {@code BatchWriteItem} requests and discards
 * them: at most 25 write requests and 16 MB per call, no item over 400 KB, no primary key
 * twice in one call; a violation is a {@code ValidationException} and is counted. It
 * answers {@code CreateTable}, {@code DescribeTable} (every table ACTIVE at once) and
 * {@code DeleteTable}, so the tool runs against it unchanged. It measures what it
 * accepts: items, WCU (by DynamoDB's rules, GSIs included) and their times
 * ({@link SinkStats}), and serves them at {@code GET /stats} ({@code POST /reset} clears
 * them) for the benchmark.
 * <p>
 * With a {@link PartitionThrottle} it throttles per partition, as DynamoDB does: items
 * whose partition is out of capacity this second come back in {@code UnprocessedItems}.
 * Optionally it records every accepted key, to prove nothing is lost. Thread-safe;
 * {@link #close()} stops it.
 */
public final class DynamoDbSink implements AutoCloseable {

	private static final String TARGET_PREFIX = "DynamoDB_20120810.";

	private static final String VALIDATION = "com.amazonaws.dynamodb.v20120810#ValidationException";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor;

	private final SinkTables tables = new SinkTables();

	private final PartitionThrottle throttle;

	private final boolean recordKeys;

	private final Set<String> keys = ConcurrentHashMap.newKeySet();

	private volatile SinkStats stats = new SinkStats();

	private DynamoDbSink(HttpServer server, ExecutorService executor, PartitionThrottle throttle, boolean recordKeys) {
		this.server = server;
		this.executor = executor;
		this.throttle = throttle;
		this.recordKeys = recordKeys;
	}

	/**
	 * Starts a sink on a free loopback port (or {@code port}), serving with
	 * {@code threads} threads.
	 */
	public static DynamoDbSink start(int port, int threads, PartitionThrottle throttle, boolean recordKeys) {
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			DynamoDbSink sink = new DynamoDbSink(server, executor, throttle, recordKeys);
			server.createContext("/", sink::handle);
			server.setExecutor(executor);
			server.start();
			return sink;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the sink: " + ex.getMessage(), ex);
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	public SinkStats stats() {
		return stats;
	}

	/**
	 * Every primary key accepted so far (only when recording keys), canonical JSON of the
	 * key attributes.
	 */
	public Set<String> keys() {
		return Set.copyOf(keys);
	}

	public void reset() {
		stats = new SinkStats();
		keys.clear();
		throttle.reset();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/stats")) {
				WireReplies.json(exchange, 200, stats.json().getBytes(StandardCharsets.UTF_8));
				return;
			}
			if (path.equals("/reset")) {
				reset();
				WireReplies.json(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
				return;
			}
			String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
			String operation = target != null && target.startsWith(TARGET_PREFIX)
					? target.substring(TARGET_PREFIX.length()) : "";
			JsonNode request = mapper.readTree(body);
			switch (operation) {
				case "BatchWriteItem" -> batchWrite(exchange, request, body.length);
				case "CreateTable" ->
					reply(exchange, mapper.createObjectNode().set("TableDescription", tables.create(request, mapper)));
				case "DescribeTable" -> describe(exchange, request.path("TableName").asString());
				case "DeleteTable" -> reply(exchange, mapper.createObjectNode()
					.set("TableDescription", tables.delete(request.path("TableName").asString(), mapper)));
				default -> error(exchange, VALIDATION, "The sink does not implement " + operation);
			}
		}
		catch (RuntimeException ex) {
			error(exchange, "com.amazonaws.dynamodb.v20120810#InternalFailure", String.valueOf(ex.getMessage()));
		}
	}

	private void describe(HttpExchange exchange, String name) throws IOException {
		ObjectNode table = tables.describe(name);
		if (table == null) {
			error(exchange, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
					"Requested resource not found: Table: " + name + " not found");
			return;
		}
		reply(exchange, mapper.createObjectNode().set("Table", table));
	}

	private void batchWrite(HttpExchange exchange, JsonNode request, long bodyBytes) throws IOException {
		long received = System.nanoTime();
		int requests = 0;
		List<String> problems = new ArrayList<>();
		ObjectNode unprocessed = mapper.createObjectNode();
		long items = 0;
		long units = 0;
		List<String> accepted = new ArrayList<>();
		for (Map.Entry<String, JsonNode> byTable : request.path("RequestItems").properties()) {
			SinkTables.Table table = tables.table(byTable.getKey());
			if (table == null) {
				error(exchange, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
						"Requested resource not found: " + byTable.getKey());
				return;
			}
			Set<String> seen = new HashSet<>();
			ArrayNode returned = mapper.createArrayNode();
			for (JsonNode write : byTable.getValue()) {
				requests++;
				JsonNode itemNode = write.path("PutRequest").path("Item");
				Map<String, AttributeValue> item = WireItems.item(itemNode);
				long size = ItemSizes.of(item);
				String key = table.canonicalKey(itemNode);
				if (size > ItemSizes.MAX_ITEM_BYTES) {
					problems.add("Item size has exceeded the maximum allowed size (" + size + " bytes)");
				}
				if (!seen.add(key)) {
					problems.add("Provided list of item keys contains duplicates: " + key);
				}
				long cost = ItemSizes.writeUnits(size) * (1 + table.indexesProjecting(item));
				if (!throttle.admit(table.partitionKeyValue(itemNode), cost, received)) {
					returned.add(write);
					continue;
				}
				items++;
				units += cost;
				accepted.add(byTable.getKey() + ":" + key);
			}
			if (!returned.isEmpty()) {
				unprocessed.set(byTable.getKey(), returned);
			}
		}
		if (requests > 25) {
			problems.add("Too many items requested for the BatchWriteItem call: " + requests);
		}
		if (bodyBytes > 16L * 1024 * 1024) {
			problems.add("Request of " + bodyBytes + " bytes is over 16 MB");
		}
		if (!problems.isEmpty()) {
			stats.violation();
			error(exchange, VALIDATION, String.join("; ", problems));
			return;
		}
		stats.record(received, items, units, unprocessed.size() > 0);
		if (recordKeys) {
			keys.addAll(accepted);
		}
		reply(exchange, mapper.createObjectNode().set("UnprocessedItems", unprocessed));
	}

	private void reply(HttpExchange exchange, JsonNode body) throws IOException {
		WireReplies.json(exchange, 200, mapper.writeValueAsBytes(body));
	}

	private void error(HttpExchange exchange, String type, String message) throws IOException {
		ObjectNode body = mapper.createObjectNode().put("__type", type).put("message", message);
		WireReplies.json(exchange, 400, mapper.writeValueAsBytes(body));
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	/**
	 * Runs a sink until killed: {@code DynamoDbSink [port] [partitions partitionWcu]}.
	 * Prints its endpoint.
	 */
	public static void main(String[] args) throws InterruptedException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
		PartitionThrottle throttle = args.length > 2
				? PartitionThrottle.perPartition(Integer.parseInt(args[1]), Long.parseLong(args[2]))
				: PartitionThrottle.none();
		DynamoDbSink sink = start(port, 8, throttle, false);
		System.out.println(sink.endpoint());
		Thread.currentThread().join();
	}

}
