package io.dynamomigrate.mapping.yaml;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.ChangeSpec;
import io.dynamomigrate.mapping.model.Condition;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an item definition's {@code incremental} and {@code deletes}
 * ({@link ChangeSpec}), collecting problems with their positions. Not thread-safe: one
 * per mapping file being read.
 */
final class ChangeReader extends SectionReader {

	private static final Set<String> INCREMENTAL = YamlNodes.keys("column", "overlap");

	private static final Set<String> DELETES = YamlNodes.keys("when", "tombstones");

	private static final Set<String> TOMBSTONES = YamlNodes.keys("table", "query", "key", "where", "column");

	private final AttributeReader attributeReader;

	ChangeReader(YamlNodes yaml, Problems problems, Locations locations, AttributeReader attributeReader) {
		super(yaml, problems, locations);
		this.attributeReader = attributeReader;
	}

	/** {@code incremental} and {@code deletes}: for database sources only. */
	ChangeSpec changes(Map<String, Node> fields, SourceSpec source) {
		Node incrementalNode = fields.get("incremental");
		Node deletesNode = fields.get("deletes");
		if (incrementalNode == null && deletesNode == null) {
			return ChangeSpec.NONE;
		}
		if (source.isFile()) {
			Node node = incrementalNode != null ? incrementalNode : deletesNode;
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
					"`incremental` and `deletes` need a "
							+ "database source: a file has no column that tells what changed.",
					"Remove them, or read the records from the database.");
			return ChangeSpec.NONE;
		}
		ChangeSpec.IncrementalSpec incremental = null;
		if (incrementalNode != null) {
			Map<String, Node> incrementalFields = yaml.fields(incrementalNode, "incremental", INCREMENTAL);
			String column = yaml.required(incrementalFields, "column", incrementalNode, "incremental");
			plainName(column, incrementalFields.get("column"));
			String overlap = yaml.text(incrementalFields.get("overlap"), "incremental.overlap");
			if (overlap != null && !overlap.strip().matches("[0-9]+(\\.[0-9]+)?\\s*(ms|s|m|h|d)?")) {
				problems.add(YamlNodes.location(incrementalFields.get("overlap")), ProblemCode.WRONG_VALUE,
						"`incremental.overlap` must be a duration or a number, not '" + overlap + "'.",
						"Write e.g. `overlap: 90s`, `5m` or `1h` for a date/time column, or a number for a "
								+ "numeric column (`overlap: 0`).");
			}
			incremental = new ChangeSpec.IncrementalSpec(column == null ? "" : column, overlap,
					YamlNodes.location(incrementalNode));
		}
		Condition when = null;
		ChangeSpec.TombstoneSpec tombstones = null;
		if (deletesNode != null) {
			Map<String, Node> deleteFields = yaml.fields(deletesNode, "deletes", DELETES);
			when = attributeReader.condition(deleteFields.get("when"), "deletes.when");
			tombstones = tombstones(deleteFields.get("tombstones"), source);
			if (when == null && tombstones == null) {
				problems.add(YamlNodes.location(deletesNode), ProblemCode.MISSING_KEY,
						"`deletes` names neither "
								+ "`when` (soft-deleted rows) nor `tombstones` (a table of deleted keys).",
						"Add e.g. `when: { column: deleted_at, notNull: true }` or `tombstones: { table: "
								+ "deleted_rows, column: deleted_at }`.");
			}
		}
		return new ChangeSpec(incremental, when, tombstones);
	}

	/**
	 * A column that goes into SQL as it is written ({@code MAX(column)},
	 * {@code column > ?}) must be a plain name.
	 */
	private void plainName(@Nullable String column, @Nullable Node node) {
		if (column != null && node != null && !Template.IDENTIFIER.matcher(column).matches()) {
			problems.add(YamlNodes.location(node), ProblemCode.INVALID_NAME,
					"`" + column + "` is not a plain column name.",
					"Use letters, digits and `_` only; for an expression, select it "
							+ "as a column in a source query.");
		}
	}

	private ChangeSpec.@Nullable TombstoneSpec tombstones(@Nullable Node node, SourceSpec itemSource) {
		if (node == null) {
			return null;
		}
		Map<String, Node> fields = yaml.fields(node, "deletes.tombstones", TOMBSTONES);
		String table = yaml.text(fields.get("table"), "deletes.tombstones.table");
		String query = yaml.text(fields.get("query"), "deletes.tombstones.query");
		if ((table == null) == (query == null)) {
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
					"`deletes.tombstones` needs either `table` or `query`.",
					"Write e.g. `tombstones: { table: deleted_tracks, column: deleted_at }`.");
		}
		List<String> key = fields.containsKey("key") ? yaml.texts(fields.get("key"), "deletes.tombstones.key")
				: itemSource.key();
		String where = yaml.text(fields.get("where"), "deletes.tombstones.where");
		String column = yaml.text(fields.get("column"), "deletes.tombstones.column");
		plainName(column, fields.get("column"));
		return new ChangeSpec.TombstoneSpec(new SourceSpec(table, query, key, where, YamlNodes.location(node)), column);
	}

}
