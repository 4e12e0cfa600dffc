package io.dynamomigrate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tables a {@link DynamoDbSink} knows: created by {@code CreateTable} and described
 * as ACTIVE at once, with their key schema and GSIs, so that the sink can check keys and
 * count WCU per index. Thread-safe.
 */
final class SinkTables {

	private final Map<String, Table> tables = new ConcurrentHashMap<>();

	/**
	 * One table: its description as created, its key attribute names, and its GSIs' key
	 * attribute names.
	 */
	record Table(ObjectNode description, List<String> keyNames, List<List<String>> indexKeyNames) {

		/** The canonical JSON of the item's primary key. */
		String canonicalKey(JsonNode item) {
			StringBuilder key = new StringBuilder("{");
			for (String name : keyNames) {
				if (key.length() > 1) {
					key.append(',');
				}
				key.append('"').append(name).append("\":").append(item.path(name));
			}
			return key.append('}').toString();
		}

		String partitionKeyValue(JsonNode item) {
			return item.path(keyNames.get(0)).toString();
		}

		int indexesProjecting(Map<String, AttributeValue> item) {
			int count = 0;
			for (List<String> names : indexKeyNames) {
				if (item.keySet().containsAll(names)) {
					count++;
				}
			}
			return count;
		}

	}

	ObjectNode create(JsonNode request, ObjectMapper mapper) {
		String name = request.path("TableName").asString();
		ObjectNode description = mapper.createObjectNode();
		description.put("TableName", name)
			.put("TableStatus", "ACTIVE")
			.put("TableArn", "arn:aws:dynamodb:us-east-1:000000000000:table/" + name)
			.put("CreationDateTime", System.currentTimeMillis() / 1000.0)
			.put("ItemCount", 0)
			.put("TableSizeBytes", 0);
		description.set("KeySchema", request.path("KeySchema"));
		description.set("AttributeDefinitions", request.path("AttributeDefinitions"));
		String billing = request.path("BillingMode").asString("PROVISIONED");
		description.set("BillingModeSummary", mapper.createObjectNode().put("BillingMode", billing));
		description.set("ProvisionedThroughput", throughput(request, mapper));
		List<List<String>> indexKeys = new ArrayList<>();
		if (request.has("GlobalSecondaryIndexes")) {
			ArrayNode indexes = mapper.createArrayNode();
			for (JsonNode index : request.path("GlobalSecondaryIndexes")) {
				ObjectNode described = ((ObjectNode) index.deepCopy()).put("IndexStatus", "ACTIVE");
				described.set("ProvisionedThroughput", throughput(index, mapper));
				indexes.add(described);
				indexKeys.add(names(index.path("KeySchema")));
			}
			description.set("GlobalSecondaryIndexes", indexes);
		}
		tables.put(name, new Table(description, names(request.path("KeySchema")), indexKeys));
		return description;
	}

	@Nullable ObjectNode describe(String name) {
		Table table = tables.get(name);
		return table != null ? table.description() : null;
	}

	@Nullable Table table(String name) {
		return tables.get(name);
	}

	ObjectNode delete(String name, ObjectMapper mapper) {
		Table table = tables.remove(name);
		return table != null ? table.description() : mapper.createObjectNode().put("TableName", name);
	}

	private static ObjectNode throughput(JsonNode request, ObjectMapper mapper) {
		JsonNode given = request.path("ProvisionedThroughput");
		return mapper.createObjectNode()
			.put("ReadCapacityUnits", given.path("ReadCapacityUnits").asLong(0))
			.put("WriteCapacityUnits", given.path("WriteCapacityUnits").asLong(0))
			.put("NumberOfDecreasesToday", 0);
	}

	/** Key attribute names, HASH first. */
	private static List<String> names(JsonNode keySchema) {
		List<String> names = new ArrayList<>();
		for (JsonNode element : keySchema) {
			if (element.path("KeyType").asString().equals("HASH")) {
				names.add(0, element.path("AttributeName").asString());
			}
			else {
				names.add(element.path("AttributeName").asString());
			}
		}
		return names;
	}

}
