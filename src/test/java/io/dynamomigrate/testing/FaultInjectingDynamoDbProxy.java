package io.dynamomigrate.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dynamomigrate.testing.BatchWriteSplit.TableWrite;
import io.dynamomigrate.testing.FaultDice.Fault;
import io.dynamomigrate.transform.ItemSizes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An HTTP proxy in front of a DynamoDB endpoint (dynalite in tests) that speaks the
 * DynamoDB JSON 1.0 wire protocol and injects, as a {@link FaultPlan} says, what the real
 * endpoint cannot do on demand: {@code UnprocessedItems}, throttling, server errors,
 * dropped connections and latency. Point an AWS SDK client at {@link #endpoint()}.
 * <p>
 * Requests are forwarded with their method, path, body and headers (less hop-by-hop
 * ones); replies are relayed with their status, headers and body, and {@code x-amz-crc32}
 * is always recomputed over the body returned, so the SDK's checksum validation passes
 * also when the body was changed.
 * <p>
 * It also counts, per table and canonical primary key, every write request that the
 * upstream accepted (forwarded and not returned unprocessed by the upstream), so that
 * restart tests can measure rework, and keeps {@link CallStats} of every
 * {@code BatchWriteItem} call, so that tests can check the API's limits per request, and
 * the WCU of every call at the instant it arrived ({@link #arrivals()}), so that tests
 * can check the write budget where requests arrive, faulted ones included. And it adds
 * the warm throughput that dynalite lacks ({@link WarmThroughputDouble}).
 * <p>
 * Thread-safe: requests are served by a small pool and the plan can be changed while
 * running. Injected faults are logged at DEBUG only.
 */
public final class FaultInjectingDynamoDbProxy implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FaultInjectingDynamoDbProxy.class);

	private static final String TARGET_PREFIX = "DynamoDB_20120810.";

	static {
		// The JDK server writes a reply's headers and body as two TCP segments; without
		// TCP_NODELAY every
		// reply waits for the client's delayed ACK (~40 ms). Read once, when the first
		// HttpServer is made.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final ExecutorService executor;

	private final HttpServer server;

	private final UpstreamClient upstream;

	private final WriteCounter writeCounter = new WriteCounter(this.mapper);

	private final WarmThroughputDouble warmThroughput = new WarmThroughputDouble(this.mapper);

	private final AtomicReference<FaultDice> dice = new AtomicReference<>();

	private final AtomicLong batchWriteCalls = new AtomicLong();

	private final AtomicLong unprocessedReturned = new AtomicLong();

	private final AtomicLong faultsInjected = new AtomicLong();

	private final ConcurrentLinkedQueue<CallStats> callStats = new ConcurrentLinkedQueue<>();

	private volatile SinkStats arrivals = new SinkStats();

	private FaultInjectingDynamoDbProxy(URI upstream, FaultPlan plan) throws IOException {
		this.executor = Executors.newFixedThreadPool(8, (task) -> {
			Thread thread = new Thread(task, "dynamodb-proxy");
			thread.setDaemon(true);
			return thread;
		});
		this.upstream = new UpstreamClient(upstream, this.mapper);
		plan(plan);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Starts a proxy for {@code upstream} on a free port of 127.0.0.1.
	 * @param upstream the DynamoDB endpoint, e.g. {@code http://127.0.0.1:4567}
	 * @param plan the faults to inject; {@link FaultPlan#none()} for none
	 */
	public static FaultInjectingDynamoDbProxy start(URI upstream, FaultPlan plan) {
		Objects.requireNonNull(upstream, "An upstream endpoint is required");
		try {
			return new FaultInjectingDynamoDbProxy(upstream, plan);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the proxy on 127.0.0.1: " + ex.getMessage(), ex);
		}
	}

	/** The endpoint to give the SDK client ({@code endpointOverride}). */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * The warm throughput this proxy adds to the tables (dynalite has none), and the
	 * calls that raised it.
	 */
	public WarmThroughputDouble warmThroughput() {
		return this.warmThroughput;
	}

	/** Replaces the plan; the random source restarts from the new plan's seed. */
	public void plan(FaultPlan plan) {
		Objects.requireNonNull(plan, "A fault plan is required (FaultPlan.none() for none)");
		this.dice.set(new FaultDice(plan));
	}

	public FaultPlan plan() {
		return this.dice.get().plan();
	}

	/**
	 * Write requests accepted by the upstream since the last {@link #resetCounters()}.
	 */
	public long forwardedWrites() {
		return this.writeCounter.writes();
	}

	/**
	 * Accepted writes of {@code table} by canonical primary key (a sorted JSON object); a
	 * copy.
	 */
	public Map<String, Long> writesPerKey(String table) {
		return this.writeCounter.perKey(table);
	}

	/** How many primary keys of {@code table} were written more than once. */
	public long keysWrittenMoreThanOnce(String table) {
		return this.writeCounter.keysWrittenMoreThanOnce(table);
	}

	/** {@code BatchWriteItem} calls received from clients, whatever became of them. */
	public long batchWriteCalls() {
		return this.batchWriteCalls.get();
	}

	/**
	 * Write requests returned to clients in {@code UnprocessedItems} (withheld here or by
	 * the upstream).
	 */
	public long unprocessedReturned() {
		return this.unprocessedReturned.get();
	}

	/**
	 * Calls that got a fault: a reset, a throttle, a server error, or at least one
	 * withheld write.
	 */
	public long faultsInjected() {
		return this.faultsInjected.get();
	}

	/**
	 * One entry per {@code BatchWriteItem} call received, in the order the calls were
	 * answered; a copy.
	 */
	public List<CallStats> callStats() {
		return List.copyOf(this.callStats);
	}

	/**
	 * The WCU of every {@code BatchWriteItem} call at the instant it reached the endpoint
	 * (after the plan's delay), whatever became of it: a call answered with an error or a
	 * reset may have consumed capacity too. WCU by DynamoDB's rules for the items' sizes
	 * ({@code DeleteRequest}s 1 each); indexes are not counted.
	 */
	public SinkStats arrivals() {
		return this.arrivals;
	}

	/**
	 * The most write requests one {@code BatchWriteItem} call held, or 0 when there was
	 * none.
	 */
	public int maxItemsPerCall() {
		return this.callStats.stream().mapToInt(CallStats::writeRequests).max().orElse(0);
	}

	/**
	 * The largest {@code BatchWriteItem} request body received in bytes, or 0 when there
	 * was none.
	 */
	public long maxRequestBytes() {
		return this.callStats.stream().mapToLong(CallStats::requestBytes).max().orElse(0);
	}

	/**
	 * Sets every counter to zero, forgets the call statistics and the cached key schemas.
	 */
	public void resetCounters() {
		this.callStats.clear();
		this.writeCounter.reset();
		this.batchWriteCalls.set(0);
		this.unprocessedReturned.set(0);
		this.faultsInjected.set(0);
		this.arrivals = new SinkStats();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		this.upstream.close();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
			String operation = (target != null && target.startsWith(TARGET_PREFIX))
					? target.substring(TARGET_PREFIX.length()) : String.valueOf(target);
			FaultDice dice = this.dice.get();
			boolean inScope = dice.plan().appliesTo(operation);
			boolean batchWrite = FaultPlan.BATCH_WRITE_ITEM.equals(operation);
			JsonNode request = batchWrite ? parse(body) : null;
			if (batchWrite) {
				this.batchWriteCalls.incrementAndGet();
			}
			if (inScope) {
				long delay = dice.delayNanos();
				if (delay > 0) {
					Thread.sleep(delay / 1_000_000, (int) (delay % 1_000_000));
				}
			}
			if (request != null) {
				this.arrivals.record(System.nanoTime(), 0, writeUnits(request), false);
			}
			Fault fault = inScope ? dice.drawFault() : Fault.NONE;
			if (fault != Fault.NONE) {
				this.faultsInjected.incrementAndGet();
				logger.debug("Injecting fault [operation={}, fault={}]", operation, fault);
				if (request != null) {
					recordCall(request, body.length, 0, true, exchange.getRequestHeaders());
				}
				injectFault(exchange, fault, dice.plan());
			}
			else if (request != null) {
				handleBatchWrite(exchange, request, body, inScope ? dice : null);
			}
			else if (this.warmThroughput.answers(operation, parse(body))) {
				WireReplies.json(exchange, 200, this.warmThroughput.update(parse(body)));
			}
			else {
				HttpResponse<byte[]> response = forward(exchange, body);
				if (response.statusCode() == 200
						&& ("CreateTable".equals(operation) || "DeleteTable".equals(operation))) {
					this.writeCounter.forgetKeySchema(parse(body).path("TableName").asString());
				}
				WireReplies.relay(exchange, response, response.statusCode() == 200
						? this.warmThroughput.reply(operation, parse(body), response.body()) : response.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Proxy could not serve a request [path={}]", exchange.getRequestURI(), ex);
			WireReplies.proxyFailure(exchange, ex);
		}
		finally {
			exchange.close();
		}
	}

	private void injectFault(HttpExchange exchange, Fault fault, FaultPlan plan) throws IOException {
		switch (fault) {
			case CONNECTION_RESET -> exchange.close();
			case THROTTLE -> WireReplies.throttle(exchange);
			case SERVER_ERROR -> WireReplies.serverError(exchange, plan.serverErrorStatus());
			default -> throw new IllegalStateException("Unexpected fault " + fault);
		}
	}

	/**
	 * Serves a {@code BatchWriteItem} call, recording its {@link CallStats} before
	 * replying.
	 */
	private void handleBatchWrite(HttpExchange exchange, JsonNode request, byte[] body, @Nullable FaultDice dice)
			throws IOException, InterruptedException {
		if (!(request instanceof ObjectNode requestObject)) {
			HttpResponse<byte[]> response = forward(exchange, body);
			recordCall(request, body.length, 0, false, exchange.getRequestHeaders());
			WireReplies.relay(exchange, response, response.body());
			return;
		}
		BatchWriteSplit split = BatchWriteSplit.of(requestObject, (dice != null) ? dice::withhold : () -> false);
		if (split.withheldCount() > 0) {
			this.faultsInjected.incrementAndGet();
			this.unprocessedReturned.addAndGet(split.withheldCount());
			logger.debug("Withholding write requests [withheld={}, forwarded={}]", split.withheldCount(),
					split.forwarded().size());
		}
		if (split.forwarded().isEmpty()) {
			ObjectNode reply = this.mapper.createObjectNode();
			split.mergeInto(reply);
			recordCall(request, body.length, split.withheldCount(), false, exchange.getRequestHeaders());
			WireReplies.json(exchange, 200, this.mapper.writeValueAsBytes(reply));
			return;
		}
		byte[] forwardBody = (split.withheldCount() == 0) ? body : this.mapper.writeValueAsBytes(split.forwardBody());
		HttpResponse<byte[]> response = forward(exchange, forwardBody);
		if (response.statusCode() != 200) {
			recordCall(request, body.length, 0, false, exchange.getRequestHeaders());
			WireReplies.relay(exchange, response, response.body());
			return;
		}
		JsonNode reply = parse(response.body());
		List<TableWrite> upstreamUnprocessed = BatchWriteSplit.unprocessedOf(reply);
		this.unprocessedReturned.addAndGet(upstreamUnprocessed.size());
		count(split.forwarded(), upstreamUnprocessed, exchange.getRequestHeaders());
		recordCall(request, body.length, split.withheldCount() + upstreamUnprocessed.size(), false,
				exchange.getRequestHeaders());
		if (split.withheldCount() > 0 && reply instanceof ObjectNode replyObject) {
			split.mergeInto(replyObject);
			WireReplies.relay(exchange, response, this.mapper.writeValueAsBytes(replyObject));
		}
		else {
			WireReplies.relay(exchange, response, response.body());
		}
	}

	private void recordCall(JsonNode request, int requestBytes, int unprocessed, boolean faultInjected,
			Map<String, List<String>> headers) {
		List<TableWrite> writes = BatchWriteSplit.requestsOf(request);
		List<String> keys = new ArrayList<>(writes.size());
		try {
			for (TableWrite write : writes) {
				keys.add(this.writeCounter.canonicalKey(write, (table) -> this.upstream.keyAttributes(table, headers)));
			}
		}
		catch (IllegalStateException ex) {
			keys.clear();
		}
		this.callStats.add(new CallStats(writes.size(), requestBytes, unprocessed, faultInjected, keys));
	}

	private void count(List<TableWrite> forwarded, List<TableWrite> notWritten, Map<String, List<String>> headers) {
		Function<String, List<String>> keyAttributes = (table) -> this.upstream.keyAttributes(table, headers);
		try {
			this.writeCounter.record(this.writeCounter.without(forwarded, notWritten, keyAttributes), keyAttributes);
		}
		catch (IllegalStateException ex) {
			// not an injected fault: the counts are now wrong, and the test that reads
			// them should know why
			logger.warn("Could not count forwarded writes [writes={}]: {}", forwarded.size(), ex.getMessage());
		}
	}

	private static long writeUnits(JsonNode request) {
		long units = 0;
		for (TableWrite write : BatchWriteSplit.requestsOf(request)) {
			JsonNode item = write.request().path("PutRequest").path("Item");
			units += item.isObject() ? ItemSizes.writeUnits(ItemSizes.of(WireItems.item(item))) : 1;
		}
		return units;
	}

	private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
		return this.upstream.send(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(),
				body);
	}

	private JsonNode parse(byte[] body) {
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return this.mapper.missingNode();
		}
	}

}
