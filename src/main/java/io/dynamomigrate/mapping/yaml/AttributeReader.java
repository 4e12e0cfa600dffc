package io.dynamomigrate.mapping.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.Condition;
import io.dynamomigrate.mapping.model.NullPolicy;
import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.mapping.model.UnmappedColumns;
import io.dynamomigrate.mapping.model.ValueOptions;
import io.dynamomigrate.mapping.template.TemplateParser;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the attribute part of a mapping file: attributes with their value options and
 * conditions, nested maps and lists, row filters and the unmapped-columns rule. Not
 * thread-safe (one instance per file).
 */
final class AttributeReader extends SectionReader {

	/**
	 * DynamoDB's limit of nested documents; a nested definition deeper than this is a
	 * mapping error.
	 */
	static final int MAX_NESTING = 32;

	static final Set<String> ATTRIBUTE = YamlNodes.keys("value", "type", "onNull", "default", "format", "split",
			"onDuplicateElements", "onEmptySet", "when", "attributes", "elements");

	static final Set<String> CONDITION = YamlNodes.keys("column", "equals", "in", "notNull", "isNull");

	static final Set<String> UNMAPPED = YamlNodes.keys("as", "name", "exclude");

	private final TemplateParser templates;

	AttributeReader(YamlNodes yaml, Problems problems, Locations locations, TemplateParser templates) {
		super(yaml, problems, locations);
		this.templates = templates;
	}

	/**
	 * The attributes of a map node ({@code name: template} or {@code name: { value, ...
	 * }}).
	 */
	List<AttributeSpec> attributes(@Nullable Node node, Node parent) {
		List<AttributeSpec> attributes = new ArrayList<>();
		if (node == null) {
			problems.add(YamlNodes.location(parent), ProblemCode.MISSING_KEY, "No `attributes` given.",
					"Add `attributes:` with one `name: \"${column}\"` line per attribute.");
			return attributes;
		}
		return attributes(node, 1);
	}

	private List<AttributeSpec> attributes(Node node, int depth) {
		List<AttributeSpec> attributes = new ArrayList<>();
		for (NodeTuple tuple : yaml.entries(node, "attributes")) {
			String name = YamlNodes.scalarText(tuple.getKeyNode());
			if (name == null) {
				continue;
			}
			AttributeSpec attribute = attribute(name, tuple.getValueNode(), depth);
			locations.put(attribute, tuple.getKeyNode());
			attributes.add(attribute);
		}
		return attributes;
	}

	private AttributeSpec attribute(String name, Node node, int depth) {
		if (node instanceof ScalarNode scalar) {
			Template value = templates.parse(scalar.getValue(), YamlNodes.location(scalar), problems);
			return new AttributeSpec(name, value, null, NullPolicy.OMIT, null);
		}
		if (node instanceof SequenceNode sequence) {
			return new AttributeSpec(name, Template.empty(YamlNodes.location(node)), AttributeType.L, NullPolicy.OMIT,
					null, ValueOptions.DEFAULT, null, elements(sequence, depth));
		}
		Map<String, Node> fields = yaml.fields(node, "attribute " + name, ATTRIBUTE);
		Node valueNode = fields.get("value");
		Node nestedNode = fields.containsKey("attributes") ? fields.get("attributes") : fields.get("elements");
		int sources = (valueNode != null ? 1 : 0) + (fields.containsKey("attributes") ? 1 : 0)
				+ (fields.containsKey("elements") ? 1 : 0);
		if (sources == 0) {
			yaml.required(fields, "value", node, "Attribute " + name);
		}
		else if (sources > 1) {
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
					"Attribute " + name + " has more than one "
							+ "of `value`, `attributes` (a nested map) and `elements` (a nested list).",
					"Keep `value` for a template, `attributes` for a nested map or `elements` for a nested list.");
		}
		// an unknown type is reported and then left out, so that key checks do not report
		// a made-up type
		AttributeType type = fields.containsKey("type") ? yaml.choice(fields.get("type"), "type", AttributeType.class)
				: null;
		NullPolicy onNull = yaml.choice(fields.get("onNull"), "onNull", NullPolicy.class, NullPolicy.OMIT);
		String defaultValue = yaml.text(fields.get("default"), "default");
		ValueOptions options = new ValueOptions(yaml.text(fields.get("format"), "format"),
				yaml.text(fields.get("split"), "split"),
				yaml.choice(fields.get("onDuplicateElements"), "onDuplicateElements",
						ValueOptions.DuplicateElementPolicy.class, ValueOptions.DuplicateElementPolicy.DEDUPE),
				yaml.choice(fields.get("onEmptySet"), "onEmptySet", ValueOptions.EmptySetPolicy.class,
						ValueOptions.EmptySetPolicy.OMIT));
		Condition when = fields.containsKey("when") ? condition(fields.get("when"), "when") : null;
		if (nestedNode != null && valueNode == null) {
			boolean map = fields.containsKey("attributes");
			if (depth > MAX_NESTING) {
				tooDeep(nestedNode);
			}
			List<AttributeSpec> nested = map ? attributes(nestedNode, depth + 1)
					: nestedNode instanceof SequenceNode sequence ? elements(sequence, depth)
							: List.of(attribute("0", nestedNode, depth + 1));
			return new AttributeSpec(name, Template.empty(YamlNodes.location(nestedNode)),
					map ? AttributeType.M : AttributeType.L, onNull, defaultValue, options, when, nested);
		}
		String text = valueNode == null ? "" : yaml.text(valueNode, "Attribute " + name + ".value");
		Template value = templates.parse(text == null ? "" : text,
				YamlNodes.location(valueNode == null ? node : valueNode), problems);
		return new AttributeSpec(name, value, type, onNull, defaultValue, options, when, List.of());
	}

	private List<AttributeSpec> elements(SequenceNode sequence, int depth) {
		if (depth > MAX_NESTING) {
			tooDeep(sequence);
		}
		List<AttributeSpec> elements = new ArrayList<>();
		List<Node> nodes = sequence.getValue();
		for (int i = 0; i < nodes.size(); i++) {
			AttributeSpec element = attribute(String.valueOf(i), nodes.get(i), depth + 1);
			locations.put(element, nodes.get(i));
			elements.add(element);
		}
		return elements;
	}

	private void tooDeep(Node node) {
		problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
				"Nested maps and lists go deeper than " + "DynamoDB's " + MAX_NESTING + " levels.",
				"Flatten the structure, or store the deep part as JSON text.");
	}

	/** {@code { column: x, equals: 'y' | in: [..] | notNull: true | isNull: true }}. */
	@Nullable Condition condition(@Nullable Node node, String what) {
		if (node == null) {
			return null;
		}
		Map<String, Node> fields = yaml.fields(node, what, CONDITION);
		String column = yaml.required(fields, "column", node, what);
		List<Condition.Kind> kinds = new ArrayList<>();
		List<String> values = new ArrayList<>();
		if (fields.containsKey("equals")) {
			kinds.add(Condition.Kind.EQUALS);
			String value = yaml.text(fields.get("equals"), what + ".equals");
			if (value != null) {
				values.add(value);
			}
		}
		if (fields.containsKey("in")) {
			kinds.add(Condition.Kind.IN);
			values.addAll(yaml.texts(fields.get("in"), what + ".in"));
		}
		for (String flag : List.of("notNull", "isNull")) {
			if (fields.containsKey(flag)) {
				if (!"true".equals(yaml.text(fields.get(flag), what + "." + flag))) {
					problems.add(YamlNodes.location(fields.get(flag)), ProblemCode.WRONG_VALUE,
							what + "." + flag + " can only be `true`.",
							"Write `" + flag + ": true`, or use the other test.");
				}
				kinds.add(flag.equals("notNull") ? Condition.Kind.NOT_NULL : Condition.Kind.IS_NULL);
			}
		}
		if (kinds.size() != 1) {
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
					what + " needs exactly one test of " + "`equals`, `in`, `notNull` and `isNull`.",
					"Write e.g. `{ column: status, equals: active }`.");
			return null;
		}
		if (column != null && !Template.IDENTIFIER.matcher(column).matches()) {
			problems.add(YamlNodes.location(fields.get("column")), ProblemCode.INVALID_NAME,
					"`" + column + "` is not a plain column name.", "Use letters, digits and `_` only.");
		}
		return new Condition(column == null ? "" : column, kinds.get(0), values, YamlNodes.location(node));
	}

	/**
	 * {@code drop | attributes | { as: attributes|map|drop, name: attr, exclude: [..] }}.
	 */
	UnmappedColumns unmapped(@Nullable Node node) {
		if (node == null) {
			return UnmappedColumns.DROP;
		}
		if (node instanceof ScalarNode) {
			UnmappedColumns.Mode mode = yaml.choice(node, "unmappedColumns", UnmappedColumns.Mode.class,
					UnmappedColumns.Mode.DROP);
			if (mode == UnmappedColumns.Mode.MAP) {
				problems.add(YamlNodes.location(node), ProblemCode.MISSING_KEY,
						"unmappedColumns `map` needs the " + "map attribute's name.",
						"Write `unmappedColumns: { as: map, name: details }`.");
			}
			return new UnmappedColumns(mode, null, List.of(), YamlNodes.location(node));
		}
		Map<String, Node> fields = yaml.fields(node, "unmappedColumns", UNMAPPED);
		UnmappedColumns.Mode mode = yaml.choice(fields.get("as"), "unmappedColumns.as", UnmappedColumns.Mode.class,
				UnmappedColumns.Mode.ATTRIBUTES);
		String name = yaml.text(fields.get("name"), "unmappedColumns.name");
		if ((mode == UnmappedColumns.Mode.MAP) != (name != null)) {
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
					"unmappedColumns needs `name` with " + "`as: map`, and only then.",
					"Write `{ as: map, name: details }` or `{ as: attributes }`.");
		}
		List<String> exclude = yaml.texts(fields.get("exclude"), "unmappedColumns.exclude");
		for (String column : exclude) {
			if (!Template.IDENTIFIER.matcher(column).matches()) {
				problems.add(YamlNodes.location(fields.get("exclude")), ProblemCode.INVALID_NAME,
						"`" + column + "` is not a plain column name.", "Use letters, digits and `_` only.");
			}
		}
		return new UnmappedColumns(mode, mode == UnmappedColumns.Mode.MAP ? name : null, exclude,
				YamlNodes.location(node));
	}

}
