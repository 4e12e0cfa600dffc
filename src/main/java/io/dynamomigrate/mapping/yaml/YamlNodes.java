package io.dynamomigrate.mapping.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.mapping.validation.Suggestions;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads typed values out of SnakeYAML nodes, reporting every mismatch with its line and
 * column instead of failing on the first. Not thread-safe (one instance per file).
 */
final class YamlNodes {

	private final Problems problems;

	YamlNodes(Problems problems) {
		this.problems = problems;
	}

	/** Where a node starts; {@link Location#NONE} for no node. */
	static Location location(@Nullable Node node) {
		if (node == null) {
			return Location.NONE;
		}
		int column = node.getStartMark().getColumn() + 1;
		if (node instanceof ScalarNode scalar && scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN
				&& scalar.getScalarStyle() != DumperOptions.ScalarStyle.LITERAL
				&& scalar.getScalarStyle() != DumperOptions.ScalarStyle.FOLDED) {
			column++; // the text starts after the quote
		}
		return new Location(node.getStartMark().getLine() + 1, column);
	}

	/** The keys a map may have, in the order messages list them. */
	static Set<String> keys(String... keys) {
		return new LinkedHashSet<>(List.of(keys));
	}

	/**
	 * The entries of a map node, checking that every key is one of {@code allowed}.
	 * @return the entries by key; empty when the node is not a map
	 */
	Map<String, Node> fields(Node node, String what, Set<String> allowed) {
		Map<String, Node> fields = new LinkedHashMap<>();
		if (!(node instanceof MappingNode map)) {
			problems.add(location(node), ProblemCode.WRONG_VALUE, what + " must be a map of keys and values.",
					"Write it as `key: value` lines, one level deeper than `" + what + "`.");
			return fields;
		}
		for (NodeTuple tuple : map.getValue()) {
			String key = scalarText(tuple.getKeyNode());
			if (key == null) {
				problems.add(location(tuple.getKeyNode()), ProblemCode.WRONG_VALUE,
						"Keys in " + what + " must be plain names.", "Use a name such as `name:`.");
				continue;
			}
			if (!allowed.isEmpty() && !allowed.contains(key)) {
				problems.add(location(tuple.getKeyNode()), ProblemCode.UNKNOWN_KEY,
						"Unknown key `" + key + "` in " + what + ".", Suggestions.forKey(key, allowed));
				continue;
			}
			if (fields.put(key, tuple.getValueNode()) != null) {
				problems.add(location(tuple.getKeyNode()), ProblemCode.DUPLICATE_NAME,
						"`" + key + "` appears twice in " + what + ".", "Keep one of them.");
			}
		}
		return fields;
	}

	/**
	 * All entries of a map node, in file order, for maps whose keys are user names
	 * (attributes).
	 */
	List<NodeTuple> entries(Node node, String what) {
		if (node instanceof MappingNode map) {
			return map.getValue();
		}
		problems.add(location(node), ProblemCode.WRONG_VALUE, what + " must be a map.",
				"Write one `name: value` line per entry.");
		return List.of();
	}

	/** The items of a list node (a single value counts as a list of one). */
	List<Node> list(Node node, String what) {
		if (node instanceof SequenceNode seq) {
			return seq.getValue();
		}
		if (node instanceof ScalarNode) {
			return List.of(node);
		}
		problems.add(location(node), ProblemCode.WRONG_VALUE, what + " must be a list.",
				"Write it as `[a, b]` or as `- a` lines.");
		return List.of();
	}

	@Nullable String text(@Nullable Node node, String what) {
		if (node == null) {
			return null;
		}
		String text = scalarText(node);
		if (text == null) {
			problems.add(location(node), ProblemCode.WRONG_VALUE, what + " must be a single value.",
					"Write it on one line after `" + what + ":`.");
		}
		return text;
	}

	@Nullable String required(Map<String, Node> fields, String key, Node parent, String what) {
		Node node = fields.get(key);
		if (node == null) {
			problems.add(location(parent), ProblemCode.MISSING_KEY, what + " has no `" + key + "`.",
					"Add `" + key + ":`.");
			return null;
		}
		return text(node, what + "." + key);
	}

	List<String> texts(@Nullable Node node, String what) {
		List<String> values = new ArrayList<>();
		if (node == null) {
			return values;
		}
		for (Node item : list(node, what)) {
			String text = text(item, what);
			if (text != null) {
				values.add(text);
			}
		}
		return values;
	}

	long number(@Nullable Node node, String what, long defaultValue, long min, long max) {
		String text = text(node, what);
		if (text == null) {
			return defaultValue;
		}
		try {
			long value = Long.parseLong(text.trim());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(location(node), ProblemCode.WRONG_VALUE,
				what + " must be a whole number from " + min + " to " + max + ", not `" + text + "`.",
				"Write a number such as " + defaultValue + ".");
		return defaultValue;
	}

	<E extends Enum<E>> E choice(@Nullable Node node, String what, Class<E> type, E defaultValue) {
		E choice = choice(node, what, type);
		return (choice != null) ? choice : defaultValue;
	}

	/**
	 * One of the constants of {@code type}; null when the node is absent or names none of
	 * them (reported).
	 */
	<E extends Enum<E>> @Nullable E choice(@Nullable Node node, String what, Class<E> type) {
		String text = text(node, what);
		if (text == null) {
			return null;
		}
		String normalised = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(normalised)) {
				return constant;
			}
		}
		List<String> names = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		problems.add(location(node), ProblemCode.WRONG_VALUE, what + " cannot be `" + text + "`.",
				"Use one of: " + String.join(", ", names) + ".");
		return null;
	}

	static @Nullable String scalarText(Node node) {
		return node instanceof ScalarNode scalar ? scalar.getValue() : null;
	}

}
