package io.dynamomigrate.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The warm throughput that dynalite does not have, added by
 * {@link FaultInjectingDynamoDbProxy} on the DynamoDB JSON wire: {@code DescribeTable}
 * answers get {@code WarmThroughput} for the table and each GSI given with {@link #set};
 * {@code UpdateTable} calls that raise warm throughput are recorded and answered here
 * (dynalite would refuse them), after which the next {@link #describesWhileUpdating}
 * answers show the table's warm throughput as UPDATING, then ACTIVE at the new values;
 * {@code CreateTable} calls with {@code WarmThroughput} are recorded and their values
 * shown from then on. Thread-safe.
 */
public final class WarmThroughputDouble {

	private final ObjectMapper mapper;

	private final Map<String, Warm> tables = new ConcurrentHashMap<>();

	private final List<JsonNode> calls = new CopyOnWriteArrayList<>();

	private final List<String> shown = new CopyOnWriteArrayList<>();

	private volatile int describesWhileUpdating = 2;

	WarmThroughputDouble(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Shows {@code table} with this warm write throughput, and its indexes with theirs
	 * (ACTIVE).
	 */
	public void set(String table, long writeUnits, Map<String, Long> indexes) {
		this.tables.put(table, new Warm(writeUnits, new ConcurrentHashMap<>(indexes), new AtomicInteger()));
	}

	/**
	 * How many {@code DescribeTable} answers after a pre-warm show it UPDATING before
	 * ACTIVE (default 2).
	 */
	public void describesWhileUpdating(int answers) {
		this.describesWhileUpdating = answers;
	}

	/**
	 * The bodies of the {@code UpdateTable} and {@code CreateTable} calls that asked for
	 * warm throughput.
	 */
	public List<JsonNode> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * The warm throughput status of every {@code DescribeTable} answer that showed one,
	 * in order.
	 */
	public List<String> statusesShown() {
		return List.copyOf(this.shown);
	}

	/**
	 * Whether this is an {@code UpdateTable} call that raises warm throughput (answered
	 * by {@link #update}).
	 */
	boolean answers(String operation, JsonNode request) {
		if (!"UpdateTable".equals(operation)) {
			return false;
		}
		boolean indexes = false;
		for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
			indexes |= update.path("Update").has("WarmThroughput");
		}
		return indexes || request.has("WarmThroughput");
	}

	/**
	 * Records an {@code UpdateTable} call that raises warm throughput, applies it, and
	 * answers it.
	 */
	byte[] update(JsonNode request) {
		this.calls.add(request);
		String name = request.path("TableName").asString();
		Warm warm = this.tables.computeIfAbsent(name,
				(n) -> new Warm(0, new ConcurrentHashMap<>(), new AtomicInteger()));
		apply(name, warm, request);
		ObjectNode reply = this.mapper.createObjectNode();
		reply.putObject("TableDescription").put("TableName", name).put("TableStatus", "UPDATING");
		return this.mapper.writeValueAsBytes(reply);
	}

	/**
	 * The upstream's answer to a forwarded call, with warm throughput: recorded for a
	 * {@code CreateTable} with {@code WarmThroughput}, shown in a {@code DescribeTable}
	 * answer.
	 */
	byte[] reply(String operation, JsonNode request, byte[] reply) {
		if ("CreateTable".equals(operation) && request.has("WarmThroughput")) {
			this.calls.add(request);
			Map<String, Long> indexes = new ConcurrentHashMap<>();
			request.path("GlobalSecondaryIndexes")
				.forEach((i) -> indexes.put(i.path("IndexName").asString(),
						i.path("WarmThroughput").path("WriteUnitsPerSecond").asLong()));
			set(request.path("TableName").asString(),
					request.path("WarmThroughput").path("WriteUnitsPerSecond").asLong(), indexes);
			return reply;
		}
		if (!"DescribeTable".equals(operation)) {
			return reply;
		}
		JsonNode answer = this.mapper.readTree(reply);
		Warm warm = this.tables.get(request.path("TableName").asString());
		if (warm == null || !(answer.path("Table") instanceof ObjectNode table)) {
			return reply;
		}
		boolean updating = warm.pending.getAndUpdate((p) -> Math.max(0, p - 1)) > 0;
		this.shown.add(updating ? "UPDATING" : "ACTIVE");
		warmThroughput(table, warm.table, updating ? "UPDATING" : "ACTIVE");
		for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
			Long units = warm.indexes.get(index.path("IndexName").asString());
			if (units != null && index instanceof ObjectNode indexObject) {
				warmThroughput(indexObject, units, updating ? "UPDATING" : "ACTIVE");
			}
		}
		return this.mapper.writeValueAsBytes(answer);
	}

	private void apply(String name, Warm warm, JsonNode request) {
		long table = request.path("WarmThroughput").path("WriteUnitsPerSecond").asLong(warm.table);
		Map<String, Long> indexes = new ConcurrentHashMap<>(warm.indexes);
		for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
			JsonNode units = update.path("Update").path("WarmThroughput").path("WriteUnitsPerSecond");
			if (units.isNumber()) {
				indexes.put(update.path("Update").path("IndexName").asString(), units.asLong());
			}
		}
		this.tables.put(name, new Warm(table, indexes, new AtomicInteger(this.describesWhileUpdating)));
	}

	private static void warmThroughput(ObjectNode node, long writeUnits, @Nullable String status) {
		node.putObject("WarmThroughput")
			.put("ReadUnitsPerSecond", writeUnits * 3)
			.put("WriteUnitsPerSecond", writeUnits)
			.put("Status", status);
	}

	private record Warm(long table, Map<String, Long> indexes, AtomicInteger pending) {
	}

}
