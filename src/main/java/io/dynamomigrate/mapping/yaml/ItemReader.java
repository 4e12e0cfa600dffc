package io.dynamomigrate.mapping.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.mapping.model.EmbedSpec;
import io.dynamomigrate.mapping.model.ItemRules;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.RejectLimit;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.mapping.template.TemplateParser;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one entry of a mapping file's {@code items} ({@link ItemSpec}): its name, table
 * and chunking, and through the other readers its source, attributes, embeddings, rules
 * and changes. Not thread-safe (one instance per file).
 */
final class ItemReader extends SectionReader {

	private static final Set<String> ITEM = YamlNodes.keys("name", "table", "source", "attributes", "embed",
			"onDuplicateKey", "chunkSize", "maxRejects", "filter", "unmappedColumns", "optionalIndexKeys", "partitions",
			"incremental", "deletes");

	private static final Set<String> EMBED = YamlNodes.keys("name", "table", "parentColumns", "childColumns", "orderBy",
			"attributes", "maxElements", "as", "key");

	/** Records per chunk when an item definition gives no {@code chunkSize}. */
	static final int DEFAULT_CHUNK_SIZE = 500;

	private static final int DEFAULT_MAX_ELEMENTS = 1000;

	private final ItemSourceReader sourceReader;

	private final AttributeReader attributeReader;

	private final ChangeReader changeReader;

	ItemReader(YamlNodes yaml, Problems problems, Locations locations, Path file, TemplateParser templates) {
		super(yaml, problems, locations);
		this.sourceReader = new ItemSourceReader(yaml, problems, locations, file);
		this.attributeReader = new AttributeReader(yaml, problems, locations, templates);
		this.changeReader = new ChangeReader(yaml, problems, locations, attributeReader);
	}

	ItemSpec item(Node node) {
		Map<String, Node> fields = yaml.fields(node, "an item definition", ITEM);
		String name = yaml.required(fields, "name", node, "An item definition");
		String table = yaml.required(fields, "table", node, "An item definition");
		SourceSpec source = sourceReader.itemSource(fields.get("source"), node);
		List<AttributeSpec> attributes = attributeReader.attributes(fields.get("attributes"), node);
		List<EmbedSpec> embeds = new ArrayList<>();
		if (fields.get("embed") != null) {
			for (Node embed : yaml.list(fields.get("embed"), "embed")) {
				embeds.add(embed(embed));
			}
		}
		DuplicateKeyPolicy policy = yaml.choice(fields.get("onDuplicateKey"), "onDuplicateKey",
				DuplicateKeyPolicy.class, DuplicateKeyPolicy.LAST_WINS);
		int chunkSize = (int) yaml.number(fields.get("chunkSize"), "chunkSize", DEFAULT_CHUNK_SIZE, 1, 10_000);
		RejectLimit maxRejects = rejectLimit(fields.get("maxRejects"));
		return locations.put(new ItemSpec(name == null ? "" : name, table == null ? "" : table, source, attributes,
				embeds, policy, chunkSize, maxRejects, rules(fields), partitions(fields.get("partitions"), source),
				changeReader.changes(fields, source)), node);
	}

	/** {@code partitions: N}: only for JDBC sources with a single-column key. */
	private int partitions(@Nullable Node node, SourceSpec source) {
		int partitions = (int) yaml.number(node, "partitions", 1, 1, 256);
		if (partitions > 1 && (source.isFile() || source.key().size() != 1)) {
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
					"`partitions` needs a database " + "source with a single-column key, to split it into key ranges.",
					"Remove `partitions`, or read by a single-column key.");
			return 1;
		}
		return partitions;
	}

	private RejectLimit rejectLimit(@Nullable Node node) {
		String text = yaml.text(node, "maxRejects");
		if (text == null) {
			return RejectLimit.NONE;
		}
		try {
			return RejectLimit.parse(text);
		}
		catch (IllegalArgumentException ex) {
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE, ex.getMessage() + ".",
					"Write a count, e.g. `maxRejects: 100`, or a percentage of the records read, e.g. "
							+ "`maxRejects: \"1%\"`.");
			return RejectLimit.NONE;
		}
	}

	private ItemRules rules(Map<String, Node> fields) {
		return new ItemRules(attributeReader.condition(fields.get("filter"), "filter"),
				attributeReader.unmapped(fields.get("unmappedColumns")),
				yaml.texts(fields.get("optionalIndexKeys"), "optionalIndexKeys"));
	}

	private EmbedSpec embed(Node node) {
		Map<String, Node> fields = yaml.fields(node, "an embedding", EMBED);
		String name = yaml.required(fields, "name", node, "An embedding");
		String table = yaml.required(fields, "table", node, "An embedding");
		List<String> parentColumns = yaml.texts(fields.get("parentColumns"), "parentColumns");
		List<String> childColumns = yaml.texts(fields.get("childColumns"), "childColumns");
		if (childColumns.isEmpty()) {
			childColumns = parentColumns;
		}
		List<String> orderBy = yaml.texts(fields.get("orderBy"), "orderBy");
		List<AttributeSpec> attributes = attributeReader.attributes(fields.get("attributes"), node);
		int maxElements = (int) yaml.number(fields.get("maxElements"), "maxElements", DEFAULT_MAX_ELEMENTS, 1, 100_000);
		String as = yaml.text(fields.get("as"), "as");
		String mapKey = yaml.text(fields.get("key"), "key");
		if (as != null && !as.equals("list") && !as.equals("map")) {
			problems.add(YamlNodes.location(fields.get("as")), ProblemCode.WRONG_VALUE,
					"An embedding is `as: list` " + "or `as: map`, not `" + as + "`.",
					"Write `as: list` (the default) or `as: map` with `key:`.");
		}
		if ("map".equals(as) != (mapKey != null)) {
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
					"An embedding `as: map` needs `key`, "
							+ "the child column that keys the map, and `key` needs `as: map`.",
					"Write `as: map, key: child_column`, or leave both out for a list.");
		}
		return new EmbedSpec(name == null ? "" : name, table == null ? "" : table, parentColumns, childColumns, orderBy,
				attributes, maxElements, YamlNodes.location(node), "map".equals(as) ? mapKey : null);
	}

}
