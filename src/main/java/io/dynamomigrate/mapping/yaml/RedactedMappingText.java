package io.dynamomigrate.mapping.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.dynamomigrate.mapping.model.Secret;
import io.dynamomigrate.mapping.validation.Problems;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A mapping file's text with its secrets replaced, for storing (the job repository) and
 * showing (what changed when a restart is refused): DESIGN.md invariant 8. The text is
 * parsed, and the nodes that hold a secret are replaced where the parser found them,
 * whatever their style (plain, quoted, block, flow, an alias of an anchor elsewhere): the
 * whole value of every key that names a secret ({@link Secret#isSecretKey}:
 * {@code password}, also as a {@code { env, default }} map), and the user info and
 * password parameters of every URL ({@link Secret#redactUrl}). Everything else, comments
 * included, stays as written, on the same lines. Thread-safe.
 */
public final class RedactedMappingText {

	/** What a secret value becomes. */
	public static final String REDACTED = "\"<redacted>\"";

	/**
	 * The text stored instead of one that is not YAML (so that no part of it is taken for
	 * harmless).
	 */
	static final String NOT_YAML = "# (not shown: the mapping file is not valid YAML)";

	private RedactedMappingText() {
	}

	/** The mapping text with every secret replaced. */
	public static String of(String content) {
		if (!YamlLimits.check(content, new Problems(Path.of("")))) {
			return NOT_YAML;
		}
		Node root;
		try (Reader reader = new StringReader(content)) {
			root = new Yaml(YamlLimits.options()).compose(reader);
		}
		catch (YAMLException ex) {
			return NOT_YAML;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		if (root == null) {
			return content;
		}
		List<Replacement> replacements = new ArrayList<>();
		collect(root, false, content, replacements, Collections.newSetFromMap(new IdentityHashMap<>()));
		return apply(content, replacements);
	}

	private static void collect(Node node, boolean secret, String content, List<Replacement> replacements,
			Set<Node> seen) {
		if (secret) { // an alias too: its node is replaced where it was written
			replacements.add(replacement(node, REDACTED, content));
			return;
		}
		if (!seen.add(node)) { // an alias, already looked at
			return;
		}
		if (node instanceof ScalarNode scalar && isUrl(scalar.getValue())) {
			String redacted = Secret.redactUrl(scalar.getValue());
			if (!redacted.equals(scalar.getValue())) {
				replacements.add(replacement(node, quoted(redacted), content));
			}
		}
		else if (node instanceof MappingNode map) {
			for (NodeTuple tuple : map.getValue()) {
				boolean secretValue = tuple.getKeyNode() instanceof ScalarNode key
						&& Secret.isSecretKey(key.getValue());
				collect(tuple.getKeyNode(), false, content, replacements, seen);
				collect(tuple.getValueNode(), secretValue, content, replacements, seen);
			}
		}
		else if (node instanceof SequenceNode list) {
			for (Node element : list.getValue()) {
				collect(element, false, content, replacements, seen);
			}
		}
	}

	/**
	 * The node's text replaced by {@code text}, keeping the line breaks it spans (a block
	 * scalar's lines) and the indentation after its last one, so that every other line
	 * keeps its number and meaning.
	 */
	private static Replacement replacement(Node node, String text, String content) {
		int start = content.offsetByCodePoints(0, node.getStartMark().getIndex());
		int end = content.offsetByCodePoints(0, node.getEndMark().getIndex());
		if (node.getAnchor() != null && content.startsWith("&" + node.getAnchor(), start)) { // kept
																								// for
																								// its
																								// aliases
			start += node.getAnchor().length() + 1;
			while (start < end && content.charAt(start) == ' ') {
				start++;
			}
		}
		String span = content.substring(start, end);
		long lineBreaks = span.chars().filter((c) -> c == '\n').count();
		String afterLastBreak = span.substring(span.lastIndexOf('\n') + 1);
		String indentation = lineBreaks > 0 && afterLastBreak.isBlank() ? afterLastBreak : "";
		return new Replacement(start, end, text + "\n".repeat((int) lineBreaks) + indentation);
	}

	private static String apply(String content, List<Replacement> replacements) {
		replacements.sort(Comparator.comparingInt(Replacement::start));
		StringBuilder text = new StringBuilder();
		int at = 0;
		for (Replacement replacement : replacements) {
			if (replacement.start < at) { // inside one already replaced
				continue;
			}
			text.append(content, at, replacement.start).append(replacement.text);
			at = replacement.end;
		}
		return text.append(content.substring(at)).toString();
	}

	private static boolean isUrl(String value) {
		return value.contains("://") || value.regionMatches(true, 0, "jdbc:", 0, 5);
	}

	private static String quoted(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	private record Replacement(int start, int end, String text) {
	}

}
