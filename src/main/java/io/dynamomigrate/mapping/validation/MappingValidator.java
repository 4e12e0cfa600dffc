package io.dynamomigrate.mapping.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.ChangeSpec;
import io.dynamomigrate.mapping.model.DynamoDbSpec;
import io.dynamomigrate.mapping.model.EmbedSpec;
import io.dynamomigrate.mapping.model.IndexSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.mapping.model.Template;

/**
 * Checks a mapping's names and cross-references: table and attribute names DynamoDB
 * accepts, SQL identifiers that are safe to put in a statement (DESIGN.md invariant 7),
 * item definitions that produce their table's key attributes with the right types,
 * references to tables that exist. Checks that need the source database (do the columns
 * exist?) are done by {@code io.dynamomigrate.source.jdbc.SourceSchemaCheck}. Not
 * thread-safe.
 */
public final class MappingValidator {

	static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

	private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");

	private final Problems problems;

	private final Map<Object, Location> locations;

	public MappingValidator(Problems problems, Map<Object, Location> locations) {
		this.problems = problems;
		this.locations = locations;
	}

	public void validate(MappingSpec spec) {
		if (!JOB_NAME.matcher(spec.name()).matches()) {
			problems.add(where(spec.file()), ProblemCode.INVALID_NAME,
					"The mapping name `" + spec.name() + "` is not usable as a job name.",
					"Use 1 to 80 letters, digits, `_`, `-` or `.`.");
		}
		endpoint(spec.dynamodb());
		Map<String, TableSpec> tables = new HashMap<>();
		for (TableSpec table : spec.tables()) {
			table(table);
			if (tables.put(table.name(), table) != null) {
				problems.add(where(table), ProblemCode.DUPLICATE_NAME,
						"The table `" + table.name() + "` is defined twice.", "Keep one definition per table.");
			}
		}
		Set<String> itemNames = new HashSet<>();
		for (ItemSpec item : spec.items()) {
			if (!JOB_NAME.matcher(item.name()).matches()) {
				problems.add(where(item), ProblemCode.INVALID_NAME,
						"The item name `" + item.name() + "` is not usable as a step name.",
						"Use 1 to 80 letters, digits, `_`, `-` or `.`.");
			}
			if (!itemNames.add(item.name())) {
				problems.add(where(item), ProblemCode.DUPLICATE_NAME,
						"Two item definitions are named `" + item.name() + "`.",
						"Give each item definition its own name.");
			}
			source(item.source());
			ChangeSpec.TombstoneSpec tombstones = item.changes().tombstones();
			if (tombstones != null && (tombstones.source().table() == null) != (tombstones.source().query() == null)) {
				source(tombstones.source()); // both or neither of table and query:
												// ChangeReader reports it
			}
			attributes(item.attributes(), "item " + item.name());
			Set<String> embedNames = new HashSet<>();
			for (EmbedSpec embed : item.embeds()) {
				embed(embed, item);
				if (!embedNames.add(embed.name())) {
					problems.add(embed.location(), ProblemCode.DUPLICATE_NAME,
							"Item `" + item.name() + "` has two embeddings named `" + embed.name() + "`.",
							"Give each embedding its own name.");
				}
			}
			TableSpec table = tables.get(item.table());
			if (table == null) {
				problems.add(
						where(item), ProblemCode.UNKNOWN_REFERENCE, "Item `" + item.name() + "` writes to the table `"
								+ item.table() + "`, which `tables` does not define.",
						tableSuggestion(item.table(), tables.keySet()));
			}
			else {
				new KeyChecks(problems, this::where).keys(item, table);
			}
		}
	}

	private static String tableSuggestion(String table, Set<String> tables) {
		if (tables.isEmpty()) {
			return "Define the table under `tables`.";
		}
		String suggestion = Suggestions.forKey(table, tables);
		return suggestion.startsWith("Did you mean") ? suggestion
				: "Use one of the tables defined under `tables`: " + String.join(", ", new TreeSet<>(tables)) + ".";
	}

	private void endpoint(DynamoDbSpec dynamodb) {
		String endpoint = dynamodb.endpoint();
		if (endpoint != null && !DynamoDbSpec.LOCAL.equals(endpoint) && !endpoint.startsWith("http://")
				&& !endpoint.startsWith("https://")) {
			problems.add(where(dynamodb), ProblemCode.WRONG_VALUE,
					"dynamodb.endpoint must be `local` or an " + "http(s) URL, not `" + endpoint + "`.",
					"Write e.g. `endpoint: http://localhost:8000`.");
		}
	}

	private void table(TableSpec table) {
		if (!TABLE_NAME.matcher(table.name()).matches()) {
			problems.add(where(table), ProblemCode.INVALID_NAME,
					"`" + table.name() + "` is not a valid DynamoDB table name.",
					"Use 3 to 255 letters, digits, `_`, `-` or `.`.");
		}
		for (IndexSpec index : table.globalSecondaryIndexes()) {
			if (!TABLE_NAME.matcher(index.name()).matches()) {
				problems.add(where(index), ProblemCode.INVALID_NAME,
						"`" + index.name() + "` is not a valid index name.",
						"Use 3 to 255 letters, digits, `_`, `-` or `.`.");
			}
			Set<String> projections = Set.of("ALL", "KEYS_ONLY");
			if (!projections.contains(index.projection().toUpperCase(Locale.ROOT))) {
				problems.add(where(index), ProblemCode.WRONG_VALUE,
						"Index projection `" + index.projection() + "` is not supported.", "Use ALL or KEYS_ONLY.");
			}
		}
	}

	private void source(SourceSpec source) {
		Location at = source.location();
		if (source.file() != null) {
			FileSourceChecks.check(problems, this::where, source, source.file());
			return;
		}
		if ((source.table() == null) == (source.query() == null)) {
			problems.add(at, ProblemCode.WRONG_VALUE, "A source needs exactly one of `table` and `query`.",
					"Write `table: my_table` to read a table, or `query: SELECT ...` to read a query.");
		}
		if (source.table() != null && !SQL_IDENTIFIER.matcher(source.table()).matches()) {
			problems.add(at, ProblemCode.INVALID_NAME, "`" + source.table() + "` is not a plain table name.",
					"Use `name` or `schema.name` (letters, digits, `_`); for anything else use `query`.");
		}
		if (source.query() != null) {
			String query = source.query().strip();
			String head = query.length() >= 6 ? query.substring(0, 6).toLowerCase(Locale.ROOT) : query;
			if (!(head.startsWith("select") || head.startsWith("with"))) {
				problems.add(at, ProblemCode.WRONG_VALUE, "A source query must be a SELECT statement.",
						"Start the query with SELECT (or WITH).");
			}
			if (query.contains(";")) {
				problems.add(at, ProblemCode.WRONG_VALUE, "A source query must be one statement without `;`.",
						"Remove the `;`.");
			}
		}
		if (source.where() != null && (source.table() == null || source.where().contains(";"))) {
			problems.add(at, ProblemCode.WRONG_VALUE, "`where` is a condition on a source table, without `;`.",
					"Use `where` together with `table`, or put the condition into `query`.");
		}
		if (source.key().isEmpty()) {
			problems.add(at, ProblemCode.MISSING_KEY, "The source has no `key` columns.",
					"Add `key: [id]` with the columns that identify a row; rows are read and resumed in that order.");
		}
		for (String column : source.key()) {
			identifier(column, at, "key column");
		}
	}

	private void attributes(List<AttributeSpec> attributes, String owner) {
		Set<String> names = new LinkedHashSet<>();
		for (AttributeSpec attribute : attributes) {
			if (attribute.name().isEmpty() || attribute.name().length() > 255) {
				problems.add(where(attribute), ProblemCode.INVALID_NAME,
						"Attribute names must have 1 to 255 " + "characters.", "Rename the attribute.");
			}
			if (!names.add(attribute.name())) {
				problems.add(where(attribute), ProblemCode.DUPLICATE_NAME,
						"The attribute `" + attribute.name() + "` is defined twice in " + owner + ".",
						"Keep one of them.");
			}
			new AttributeChecks(problems, where(attribute)).check(attribute);
			if (!attribute.nested().isEmpty() && attribute.type() == AttributeType.M) {
				attributes(attribute.nested(), "attribute " + attribute.name());
			}
			else {
				for (AttributeSpec element : attribute.nested()) {
					new AttributeChecks(problems, where(element)).check(element);
					if (!element.nested().isEmpty() && element.type() == AttributeType.M) {
						attributes(element.nested(), "attribute " + attribute.name());
					}
				}
			}
		}
	}

	private void embed(EmbedSpec embed, ItemSpec item) {
		Location at = embed.location();
		if (item.source().isFile()) {
			problems.add(at, ProblemCode.WRONG_VALUE,
					"`embed` reads child rows from the JDBC source; item `" + item.name() + "` reads files.",
					"Remove `embed`, or read this item from the database.");
		}
		if (item.attributes().stream().anyMatch((a) -> a.name().equals(embed.name()))) {
			problems.add(at, ProblemCode.DUPLICATE_NAME,
					"`" + embed.name() + "` is both an attribute and an " + "embedding of item " + item.name() + ".",
					"Rename one of them.");
		}
		if (!SQL_IDENTIFIER.matcher(embed.table()).matches()) {
			problems.add(at, ProblemCode.INVALID_NAME, "`" + embed.table() + "` is not a plain table name.",
					"Use `name` or `schema.name`.");
		}
		if (embed.parentColumns().isEmpty() || embed.parentColumns().size() != embed.childColumns().size()) {
			problems.add(at, ProblemCode.WRONG_VALUE,
					"An embedding needs `parentColumns` and as many "
							+ "`childColumns` (or none, when the names are the same).",
					"Write e.g. `parentColumns: [playlist_id]`.");
		}
		for (String column : embed.parentColumns()) {
			identifier(column, at, "parent column");
		}
		for (String column : embed.childColumns()) {
			identifier(column, at, "child column");
		}
		for (String column : embed.orderBy()) {
			identifier(column, at, "orderBy column");
		}
		attributes(embed.attributes(), "embedding " + embed.name());
	}

	private void identifier(String column, Location at, String what) {
		if (!Template.IDENTIFIER.matcher(column).matches()) {
			problems.add(at, ProblemCode.INVALID_NAME, "`" + column + "` is not a plain " + what + " name.",
					"Use letters, digits and `_` only.");
		}
	}

	private Location where(Object spec) {
		Location location = locations.get(spec);
		return location != null ? location : Location.NONE;
	}

}
