package io.dynamomigrate.mapping.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.BillingMode;
import io.dynamomigrate.mapping.model.IndexSpec;
import io.dynamomigrate.mapping.model.KeySpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.mapping.model.WriteBudget;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one entry of a mapping file's {@code tables} ({@link TableSpec}): its keys,
 * global secondary indexes, billing, capacity and write budget. Not thread-safe (one
 * instance per file).
 */
final class TableReader extends SectionReader {

	private static final Set<String> TABLE = YamlNodes.keys("name", "partitionKey", "sortKey", "billingMode",
			"readCapacity", "writeCapacity", "globalSecondaryIndexes", "writeBudget");

	private static final Set<String> KEY = YamlNodes.keys("name", "type");

	private static final Set<String> INDEX = YamlNodes.keys("name", "partitionKey", "sortKey", "projection");

	TableReader(YamlNodes yaml, Problems problems, Locations locations) {
		super(yaml, problems, locations);
	}

	// A missing partition key is a reported problem, and the table keeps a null one: a
	// mapping with problems is only
	// validated (the checks skip null keys), never run.
	@SuppressWarnings("NullAway")
	TableSpec table(Node node) {
		Map<String, Node> fields = yaml.fields(node, "a table", TABLE);
		String name = yaml.required(fields, "name", node, "A table");
		KeySpec partitionKey = key(fields.get("partitionKey"), node, "partitionKey", true);
		KeySpec sortKey = key(fields.get("sortKey"), node, "sortKey", false);
		List<IndexSpec> indexes = new ArrayList<>();
		Node gsis = fields.get("globalSecondaryIndexes");
		if (gsis != null) {
			for (Node gsi : yaml.list(gsis, "globalSecondaryIndexes")) {
				Map<String, Node> index = yaml.fields(gsi, "an index", INDEX);
				String indexName = yaml.required(index, "name", gsi, "An index");
				KeySpec indexPk = key(index.get("partitionKey"), gsi, "partitionKey", true);
				KeySpec indexSk = key(index.get("sortKey"), gsi, "sortKey", false);
				String projection = yaml.text(index.get("projection"), "projection");
				indexes.add(locations.put(new IndexSpec(indexName == null ? "" : indexName, indexPk, indexSk,
						projection == null ? "ALL" : projection), gsi));
			}
		}
		BillingMode billing = yaml.choice(fields.get("billingMode"), "billingMode", BillingMode.class,
				BillingMode.PAY_PER_REQUEST);
		long rcu = yaml.number(fields.get("readCapacity"), "readCapacity", 5, 1, 40_000);
		long wcu = yaml.number(fields.get("writeCapacity"), "writeCapacity", 5, 1, 40_000);
		WriteBudget writeBudget = writeBudget(fields.get("writeBudget"));
		return locations.put(
				new TableSpec(name == null ? "" : name, partitionKey, sortKey, indexes, billing, rcu, wcu, writeBudget),
				node);
	}

	private @Nullable WriteBudget writeBudget(@Nullable Node node) {
		String text = yaml.text(node, "writeBudget");
		if (text == null) {
			return null;
		}
		try {
			return WriteBudget.parse(text, "writeBudget");
		}
		catch (IllegalArgumentException ex) {
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
					"`writeBudget` must be write capacity units per second, a percentage of the table's write "
							+ "capacity, or unlimited, not '" + text + "'.",
					"Write e.g. `writeBudget: 1500`, `writeBudget: 50%` (1% to 100%) or `writeBudget: unlimited`.");
			return null;
		}
	}

	private @Nullable KeySpec key(@Nullable Node node, Node parent, String what, boolean required) {
		if (node == null) {
			if (required) {
				problems.add(YamlNodes.location(parent), ProblemCode.MISSING_KEY, "No `" + what + "` given.",
						"Add `" + what + ": { name: pk, type: S }`.");
			}
			return null;
		}
		Map<String, Node> fields = yaml.fields(node, what, KEY);
		String name = yaml.required(fields, "name", node, what);
		AttributeType type = yaml.choice(fields.get("type"), what + ".type", AttributeType.class, AttributeType.S);
		if (!type.isKeyType()) {
			problems.add(YamlNodes.location(fields.get("type")), ProblemCode.WRONG_VALUE,
					"A key attribute must be of type S, N or B, not " + type + ".", "Use S, N or B.");
		}
		return locations.put(new KeySpec(name == null ? "" : name, type), node);
	}

}
