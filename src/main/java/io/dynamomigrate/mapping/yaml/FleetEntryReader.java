package io.dynamomigrate.mapping.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.mapping.model.FleetEntrySpec;
import io.dynamomigrate.mapping.model.FleetVariables;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.Secret;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the entries of a fleet file: a {@code shards} group becomes one entry per row of
 * its variables (inline, a CSV inventory, or one inventory query), a service one entry.
 * Names and sources are templates filled with each entry's variables; a password is
 * {@code { env: NAME, default: value }} (the name may use the variables). Not thread-safe
 * (one instance per file).
 */
final class FleetEntryReader {

	private static final Set<String> SOURCE = YamlNodes.keys("url", "user", "password");

	private static final Set<String> QUERY = YamlNodes.keys("url", "user", "password", "sql");

	private static final Set<String> ENV = YamlNodes.keys("env", "default");

	private final YamlNodes yaml;

	private final Problems problems;

	private final Path file;

	private final UnaryOperator<String> environment;

	private final FleetLoader.InventoryQuery queries;

	private final Set<Location> plainPasswords = new java.util.HashSet<>();

	FleetEntryReader(YamlNodes yaml, Problems problems, Path file, UnaryOperator<String> environment,
			FleetLoader.InventoryQuery queries) {
		this.yaml = yaml;
		this.problems = problems;
		this.file = file;
		this.environment = environment;
		this.queries = queries;
	}

	/** The entries of a shards group, one per row of its variables. */
	List<FleetEntrySpec> group(Map<String, Node> fields, Node node) {
		String name = yaml.required(fields, "name", node, "A shards group");
		String mapping = yaml.required(fields, "mapping", node, "A shards group");
		List<Row> rows = rows(fields, node);
		List<FleetEntrySpec> entries = new ArrayList<>();
		if (name == null || mapping == null) {
			return entries;
		}
		for (Row row : rows) {
			FleetEntrySpec entry = entry(name, mapping, fields.get("source"), row);
			if (entry != null) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/** The entry of a service. */
	@Nullable FleetEntrySpec service(Map<String, Node> fields, Node node) {
		String name = yaml.required(fields, "name", node, "A service");
		String mapping = yaml.required(fields, "mapping", node, "A service");
		Node variables = fields.get("variables");
		Row row = new Row(variables == null ? Map.of()
				: checked(FleetLoader.variables(yaml, variables, "variables"), YamlNodes.location(variables), ""),
				YamlNodes.location(node), "");
		return name == null || mapping == null ? null : entry(name, mapping, fields.get("source"), row);
	}

	private @Nullable FleetEntrySpec entry(String nameTemplate, String mapping, @Nullable Node source, Row row) {
		String name = filled(nameTemplate, row, "name");
		if (name == null) {
			return null;
		}
		Path mappingFile = SectionReader.folder(file)
			.resolve(FleetVariables.fill(mapping, row.variables()))
			.normalize();
		Connection connection = connection(source, row, name, SOURCE);
		return new FleetEntrySpec(name, mappingFile, row.variables(), connection.url(), connection.user(),
				connection.password(), row.location());
	}

	/**
	 * The connection of an entry or an inventory query, filled with the row's variables.
	 */
	private Connection connection(@Nullable Node node, Row row, String entry, Set<String> keys) {
		if (node == null) {
			return new Connection(null, null, null, null);
		}
		Map<String, Node> fields = yaml.fields(node, "source", keys);
		String url = filledText(fields.get("url"), row, "source.url");
		String user = filledText(fields.get("user"), row, "source.user");
		Secret password = password(fields.get("password"), row, entry);
		return new Connection(url, user, password, filledText(fields.get("sql"), row, "query.sql"));
	}

	private @Nullable Secret password(@Nullable Node node, Row row, String entry) {
		if (node == null) {
			return null;
		}
		if (node instanceof ScalarNode) {
			if (plainPasswords.add(YamlNodes.location(node))) { // once, not once an entry
				problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
						"A password is never written in the fleet file.",
						"Write `password: { env: NAME }` and set the environment variable NAME.");
			}
			return null;
		}
		Map<String, Node> fields = yaml.fields(node, "password", ENV);
		String variable = filledText(fields.get("env"), row, "password.env");
		if (variable == null) {
			yaml.required(fields, "env", node, "password");
			return null;
		}
		String value = environment.apply(variable);
		if (value == null && fields.containsKey("default")) {
			value = yaml.text(fields.get("default"), "password.default");
		}
		if (value == null) {
			problems.add(YamlNodes.location(node), ProblemCode.MISSING_ENVIRONMENT,
					prefix(entry) + "the environment variable " + variable + " for the source password is not set.",
					"Set " + variable + ", or add `default:` to the password.");
			return null;
		}
		return new Secret(value);
	}

	/** The variables of a group: inline, from a CSV inventory, or from a query. */
	private List<Row> rows(Map<String, Node> fields, Node node) {
		List<String> given = fields.keySet()
			.stream()
			.filter(Set.of("variables", "inventory", "query")::contains)
			.toList();
		if (given.size() != 1) {
			problems.add(YamlNodes.location(node), ProblemCode.MISSING_KEY,
					"A shards group needs exactly one of `variables`, `inventory` and `query`"
							+ (given.isEmpty() ? "." : ", not " + String.join(" and ", given) + "."),
					"List the shards' variables inline (`variables: [{shard: 1}, {shard: 2}]`), in a CSV file "
							+ "(`inventory: shards.csv`) or with `query: { url: ..., sql: ... }`.");
			return List.of();
		}
		Node source = java.util.Objects.requireNonNull(fields.get(given.get(0)), "a key that is given");
		List<Row> rows = new ArrayList<>();
		switch (given.get(0)) {
			case "variables" -> {
				for (Node item : yaml.list(source, "variables")) {
					Location at = YamlNodes.location(item);
					rows.add(new Row(checked(FleetLoader.variables(yaml, item, "variables"), at, ""), at, ""));
				}
			}
			case "inventory" -> rows.addAll(inventory(source));
			default -> rows.addAll(query(source));
		}
		return rows;
	}

	private List<Row> inventory(Node node) {
		String name = yaml.text(node, "inventory");
		List<Row> rows = new ArrayList<>();
		if (name == null) {
			return rows;
		}
		Path csv = SectionReader.folder(file).resolve(name).normalize();
		Location at = YamlNodes.location(node);
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, format)) {
			for (CSVRecord record : parser) {
				String where = "inventory " + name + " row " + (record.getRecordNumber() + 1) + ": ";
				if (!record.isConsistent()) {
					problems.add(
							at, ProblemCode.WRONG_VALUE, where + "it has " + record.size() + " values for "
									+ parser.getHeaderNames().size() + " columns.",
							"Give every row one value per column of the header row.");
					continue;
				}
				rows.add(new Row(checked(new LinkedHashMap<>(record.toMap()), at, where), at, where));
			}
		}
		catch (IOException | RuntimeException ex) {
			problems.add(at, ProblemCode.UNKNOWN_REFERENCE,
					"Cannot read the inventory " + csv + ": " + ex.getMessage() + ".",
					"Check the path (relative to the fleet file) and that it is CSV with a header row.");
		}
		return rows;
	}

	private List<Row> query(Node node) {
		Row none = new Row(Map.of(), YamlNodes.location(node), "");
		Connection connection = connection(node, none, "inventory query", QUERY);
		Map<String, Node> fields = yaml.fields(node, "query", QUERY);
		List<Row> rows = new ArrayList<>();
		if (connection.url() == null || connection.sql() == null) {
			yaml.required(fields, "url", node, "query");
			yaml.required(fields, "sql", node, "query");
			return rows;
		}
		Location at = YamlNodes.location(node);
		try {
			int number = 0;
			for (Map<String, String> row : queries.rows(
					new ConnectionSpec(connection.url(), connection.user(), connection.password(), List.of()),
					connection.sql())) {
				number++;
				String where = "inventory query row " + number + ": ";
				rows.add(new Row(checked(row, at, where), at, where));
			}
		}
		catch (Exception ex) {
			problems.add(at, ProblemCode.UNKNOWN_REFERENCE, "The inventory query failed: " + ex.getMessage(),
					"Check its url, user, password and sql (it runs read-only on that database).");
		}
		return rows;
	}

	private Map<String, String> checked(Map<String, String> variables, Location at, String where) {
		variables.forEach((name, value) -> {
			String problem = FleetVariables.problem(name, value);
			if (problem != null) {
				problems.add(at, ProblemCode.WRONG_VALUE, where + problem,
						"Fix the inventory; a value is inserted into names, URLs and the mapping text as it is.");
			}
		});
		return variables;
	}

	private @Nullable String filledText(@Nullable Node node, Row row, String what) {
		String template = yaml.text(node, what);
		return template == null ? null : filled(template, row, what, YamlNodes.location(node));
	}

	private @Nullable String filled(String template, Row row, String what) {
		return filled(template, row, what, row.location());
	}

	private @Nullable String filled(String template, Row row, String what, Location at) {
		List<String> unknown = FleetVariables.unknown(template, row.variables());
		if (!unknown.isEmpty()) {
			problems.add(at, ProblemCode.UNKNOWN_REFERENCE,
					row.where() + what + " `" + template + "` uses ${" + unknown.get(0) + "}, which is not a variable "
							+ "of this entry (it has " + String.join(", ", row.variables().keySet()) + ").",
					"Add the variable to the entry's variables or inventory, or correct the name.");
			return null;
		}
		return FleetVariables.fill(template, row.variables());
	}

	private static String prefix(String entry) {
		return "Entry " + entry + ": ";
	}

	/** One entry's variables, where they were written, and how messages name them. */
	private record Row(Map<String, String> variables, Location location, String where) {
	}

	private record Connection(@Nullable String url, @Nullable String user, @Nullable Secret password,
			@Nullable String sql) {
	}

}
