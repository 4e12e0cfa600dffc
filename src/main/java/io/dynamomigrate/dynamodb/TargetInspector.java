package io.dynamomigrate.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Looks at an existing target table without changing it: whether it exists, how its key schema and indexes differ
 * from the mapping, and how many of a sample of keys it already holds ({@code BatchGetItem}, keys only). Read-only.
 * Thread-safe.
 */
public final class TargetInspector {

	private final DynamoDbClient client;

	public TargetInspector(DynamoDbClient client) {
		this.client = client;
	}

	/**
	 * What the table looks like.
	 * @param sampleKeys primary keys to look up (at most 100 are used)
	 */
	public Inspection inspect(TableSpec table, List<Map<String, AttributeValue>> sampleKeys) {
		TableDescription existing = new TableProvisioner(client).describeOrNull(table.name());
		if (existing == null) {
			return new Inspection(false, List.of(), 0, 0);
		}
		List<String> differences = new ArrayList<>(TableProvisioner.keyDifferences(table, existing));
		differences.addAll(TableProvisioner.indexDifferences(table, existing));
		List<Map<String, AttributeValue>> keys = sampleKeys.subList(0, Math.min(100, sampleKeys.size()));
		int present = differences.isEmpty() && !keys.isEmpty() ? present(table, keys) : 0;
		return new Inspection(true, differences, differences.isEmpty() ? keys.size() : 0, present);
	}

	private int present(TableSpec table, List<Map<String, AttributeValue>> keys) {
		Map<String, KeysAndAttributes> request = Map.of(table.name(), KeysAndAttributes.builder()
			.keys(keys)
			.projectionExpression(String.join(", ", placeholders(table)))
			.expressionAttributeNames(names(table))
			.build());
		int found = 0;
		for (int attempt = 0; attempt < 10 && !request.isEmpty(); attempt++) {
			Map<String, KeysAndAttributes> pending = request;
			BatchGetItemResponse response = client.batchGetItem((b) -> b.requestItems(pending));
			found += response.responses().getOrDefault(table.name(), List.of()).size();
			if (response.unprocessedKeys().isEmpty()) {
				break;
			}
			request = response.unprocessedKeys();
		}
		return found;
	}

	private static List<String> placeholders(TableSpec table) {
		List<String> placeholders = new ArrayList<>();
		for (int i = 0; i < table.keyAttributeNames().size(); i++) {
			placeholders.add("#k" + i);
		}
		return placeholders;
	}

	private static Map<String, String> names(TableSpec table) {
		Map<String, String> names = new java.util.HashMap<>();
		List<String> keyNames = table.keyAttributeNames();
		for (int i = 0; i < keyNames.size(); i++) {
			names.put("#k" + i, keyNames.get(i));
		}
		return names;
	}

	/**
	 * The result.
	 * @param exists whether the table exists
	 * @param differences key-schema and index differences from the mapping
	 * @param sampledKeys how many keys were looked up
	 * @param sampledPresent how many of them the table holds
	 */
	public record Inspection(boolean exists, List<String> differences, int sampledKeys, int sampledPresent) {
	}

}
