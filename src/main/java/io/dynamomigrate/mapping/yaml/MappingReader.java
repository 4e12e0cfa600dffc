package io.dynamomigrate.mapping.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.mapping.model.DynamoDbSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.mapping.template.TemplateParser;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the top level of one mapping file ({@code name}, {@code source},
 * {@code dynamodb}, {@code tables}, {@code items}) into a {@link MappingSpec}, handing
 * each section to its reader and remembering where everything was written
 * ({@link #locations()}). Not thread-safe: one instance per file being read.
 */
final class MappingReader {

	private static final Set<String> ROOT = YamlNodes.keys("name", "source", "dynamodb", "tables", "items");

	private static final Set<String> DYNAMODB = YamlNodes.keys("endpoint", "region");

	private final Path file;

	private final Problems problems;

	private final YamlNodes yaml;

	private final Locations locations = new Locations();

	private final ConnectionReader connectionReader;

	private final TableReader tableReader;

	private final ItemReader itemReader;

	MappingReader(Path file, Problems problems, UnaryOperator<String> environment, TemplateParser templates) {
		this.file = file;
		this.problems = problems;
		this.yaml = new YamlNodes(problems);
		this.connectionReader = new ConnectionReader(yaml, problems, locations, environment, file);
		this.tableReader = new TableReader(yaml, problems, locations);
		this.itemReader = new ItemReader(yaml, problems, locations, file, templates);
	}

	/**
	 * Where each table, key, index, item and attribute was written, for the validator's
	 * messages.
	 */
	Map<Object, Location> locations() {
		return locations.asMap();
	}

	MappingSpec mapping(Node root, String checksum) {
		Map<String, Node> fields = yaml.fields(root, "the mapping", ROOT);
		String name = yaml.required(fields, "name", root, "The mapping");
		if (fields.get("name") != null) {
			locations.put(file, fields.get("name"));
		}
		ConnectionSpec source = connectionReader.connection(fields.get("source"));
		DynamoDbSpec dynamodb = dynamodb(fields.get("dynamodb"));
		List<TableSpec> tables = section(fields, "tables", root,
				"Add `tables:` with at least one table (name, partitionKey).", tableReader::table);
		List<ItemSpec> items = section(fields, "items", root,
				"Add `items:` with at least one item definition (name, table, source, attributes).", itemReader::item);
		jdbcSourceRequired(fields.get("source"), root, items);
		return new MappingSpec(name == null ? "" : name, file, checksum, source, dynamodb, tables, items);
	}

	/**
	 * The entries of a list the mapping must have ({@code tables}, {@code items}), each
	 * read by {@code reader}.
	 */
	private <T> List<T> section(Map<String, Node> fields, String key, Node root, String fix, Function<Node, T> reader) {
		List<T> entries = new ArrayList<>();
		Node node = fields.get(key);
		if (node == null) {
			problems.add(YamlNodes.location(root), ProblemCode.MISSING_KEY, "The mapping has no `" + key + "`.", fix);
		}
		else {
			for (Node entry : yaml.list(node, key)) {
				entries.add(reader.apply(entry));
			}
		}
		return entries;
	}

	/** The top-level `source` may only be left out when every item reads files. */
	private void jdbcSourceRequired(@Nullable Node source, Node root, List<ItemSpec> items) {
		if (source == null && (items.isEmpty() || items.stream().anyMatch((i) -> !i.source().isFile()))) {
			problems.add(YamlNodes.location(root), ProblemCode.MISSING_KEY, "The mapping has no `source`.",
					"Add `source:` with the JDBC `url` (and `user`, `password`) of the database to read; it may "
							+ "only be left out when every item reads `source.file`.");
		}
	}

	private DynamoDbSpec dynamodb(@Nullable Node node) {
		if (node == null) {
			return new DynamoDbSpec(null, null);
		}
		Map<String, Node> fields = yaml.fields(node, "dynamodb", DYNAMODB);
		return locations.put(new DynamoDbSpec(yaml.text(fields.get("endpoint"), "dynamodb.endpoint"),
				yaml.text(fields.get("region"), "dynamodb.region")), node);
	}

}
