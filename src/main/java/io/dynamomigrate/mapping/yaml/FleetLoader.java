package io.dynamomigrate.mapping.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.mapping.model.FleetEntrySpec;
import io.dynamomigrate.mapping.model.FleetSpec;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads a fleet file ({@code fleet.yml}) into a {@link FleetSpec}: its {@code shards}
 * groups (one mapping, many sources, each with its variables, listed inline, in a CSV
 * inventory or read with one SQL query) and its {@code services} (one mapping and source
 * each), collecting every problem with file:line:column and a fix, as mapping files are
 * read. The YAML is composed into nodes only. Credentials are never written in the file:
 * a password is {@code { env: NAME }}. The mappings themselves are not read here.
 * Thread-safe.
 */
public final class FleetLoader {

	private static final Set<String> ROOT = YamlNodes.keys("name", "shards", "services");

	private static final Set<String> GROUP = YamlNodes.keys("name", "mapping", "source", "variables", "inventory",
			"query");

	private static final Set<String> SERVICE = YamlNodes.keys("name", "mapping", "source", "variables");

	private final UnaryOperator<String> environment;

	private final InventoryQuery queries;

	/**
	 * A loader that reads passwords from the environment and runs inventory queries with
	 * {@code queries}.
	 */
	public FleetLoader(UnaryOperator<String> environment, InventoryQuery queries) {
		this.environment = environment;
		this.queries = queries;
	}

	/**
	 * Reads a fleet file as far as it can, adding every problem to {@code problems}: the
	 * fleet with the entries that could be read, or null when the file cannot be read or
	 * is not YAML.
	 */
	public @Nullable FleetSpec read(Path file, Problems problems) {
		String content;
		try {
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			problems.add(Location.NONE, ProblemCode.YAML_SYNTAX, "Cannot read the fleet file: " + ex.getMessage() + ".",
					"Check the path and that the file is readable.");
			return null;
		}
		Node root = MappingLoader.compose(content, problems);
		if (root == null) {
			return null;
		}
		YamlNodes yaml = new YamlNodes(problems);
		Map<String, Node> fields = yaml.fields(root, "the fleet file", ROOT);
		String name = yaml.required(fields, "name", root, "The fleet file");
		if (name != null && !FleetSpec.NAME.matcher(name).matches()) {
			problems.add(YamlNodes.location(fields.get("name")), ProblemCode.INVALID_NAME,
					"The fleet's name `" + name + "` may have only letters, digits, `_`, `.` and `-`.",
					"Rename it, e.g. `music-shards`.");
		}
		if (!fields.containsKey("shards") && !fields.containsKey("services")) {
			problems.add(YamlNodes.location(root), ProblemCode.MISSING_KEY, "The fleet file has no entries.",
					"Add `shards:` (one mapping over many sources) or `services:` (mappings with their own sources).");
		}
		FleetEntryReader entries = new FleetEntryReader(yaml, problems, file, environment, queries);
		List<FleetEntrySpec> all = new ArrayList<>();
		Node shards = fields.get("shards");
		if (shards != null) {
			for (Node group : yaml.list(shards, "shards")) {
				all.addAll(entries.group(yaml.fields(group, "a shards group", GROUP), group));
			}
		}
		Node services = fields.get("services");
		if (services != null) {
			for (Node service : yaml.list(services, "services")) {
				FleetEntrySpec entry = entries.service(yaml.fields(service, "a service", SERVICE), service);
				if (entry != null) {
					all.add(entry);
				}
			}
		}
		String fleet = name == null ? "fleet" : name;
		checkNames(fleet, all, problems);
		return new FleetSpec(fleet, file, all);
	}

	private static void checkNames(String fleet, List<FleetEntrySpec> entries, Problems problems) {
		Set<String> seen = new HashSet<>();
		for (FleetEntrySpec entry : entries) {
			if (!FleetSpec.NAME.matcher(entry.name()).matches()) {
				problems.add(entry.location(), ProblemCode.INVALID_NAME, "Entry " + entry.name()
						+ ": an entry's name may have only letters, digits, `_`, `.` and `-`, and start with a letter "
						+ "or digit.", "Change its `name:` template or the variables it uses.");
			}
			else if (!seen.add(entry.name())) {
				problems.add(entry.location(), ProblemCode.DUPLICATE_NAME,
						"Entry " + entry.name() + ": two entries of the fleet have this name.",
						"Give each entry its own name, e.g. `name: \"shard-${shard}\"` with a different shard each.");
			}
			else if (fleet.length() + 1 + entry.name().length() > FleetSpec.MAX_JOB_NAME) {
				problems.add(
						entry.location(), ProblemCode.INVALID_NAME, "Entry " + entry.name() + ": its job name " + fleet
								+ "." + entry.name() + " is longer than " + FleetSpec.MAX_JOB_NAME + " characters.",
						"Shorten the fleet's or the entry's name.");
			}
		}
	}

	/** The variables of a map node ({@code { shard: 17, host: db1 }}). */
	static Map<String, String> variables(YamlNodes yaml, Node node, String what) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (NodeTuple tuple : yaml.entries(node, what)) {
			String key = YamlNodes.scalarText(tuple.getKeyNode());
			String value = yaml.text(tuple.getValueNode(), what);
			if (key != null && value != null) {
				variables.put(key, value);
			}
		}
		return variables;
	}

	/** The rows an inventory query returns. */
	@FunctionalInterface
	public interface InventoryQuery {

		/**
		 * Runs one query on a read-only connection.
		 * @return every row, as column label (lower case) to text value
		 * @throws Exception when the database cannot be reached or the query fails; its
		 * message becomes the problem's
		 */
		List<Map<String, String>> rows(ConnectionSpec connection, String sql) throws Exception;

	}

	static String nonNull(@Nullable String text) {
		return Objects.requireNonNullElse(text, "");
	}

}
