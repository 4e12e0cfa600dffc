package io.dynamomigrate.source.jdbc;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.ChangeSpec;
import io.dynamomigrate.mapping.model.EmbedSpec;
import io.dynamomigrate.mapping.model.IndexSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.KeySpec;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Checks a mapping against the source database before any row is read: every source table
 * or query can be described, every column a template, function, key, filter, {@code when}
 * condition, unmapped-columns exclusion, embedding, incremental column, soft-delete
 * condition or tombstone source names exists, and every key attribute whose type comes
 * from its column ({@link ColumnTypes}) gets the table's key type. Runs
 * {@code SELECT * ... WHERE 1 = 0} per source, which reads no rows. Thread-safe.
 */
public final class SourceSchemaCheck {

	private final DataSource dataSource;

	public SourceSchemaCheck(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Adds a problem for every unknown table, query error, unknown column and key type
	 * that cannot match. A mapping that already has problems of its own is checked as far
	 * as it was read: a source, embedding or tombstone source with a problem where it is
	 * written (a table name that is not an identifier, a query that is not one SELECT,
	 * neither or both of table and query) is not sent to the database.
	 */
	public void check(MappingSpec spec, Problems problems) {
		Set<Location> flagged = new HashSet<>();
		problems.list().forEach((problem) -> flagged.add(problem.location()));
		for (ItemSpec item : spec.items()) {
			SourceSpec source = item.source();
			if (!checkable(source, flagged)) {
				continue; // file sources have no schema to check before reading; a source
							// with problems is not read
			}
			Map<String, @Nullable AttributeType> columns = columns(
					"SELECT * FROM " + JdbcSources.fromClause(source) + " WHERE 1 = 0", source.label(),
					source.location(), problems);
			if (columns == null) {
				continue;
			}
			for (String key : source.key()) {
				column(key, columns, source.label(), source.location(), problems, "key column");
			}
			if (item.rules().filter() != null) {
				column(item.rules().filter().column(), columns, source.label(), item.rules().filter().location(),
						problems, "filter column");
			}
			for (String excluded : item.rules().unmappedColumns().exclude()) {
				column(excluded, columns, source.label(), item.rules().unmappedColumns().location(), problems,
						"excluded column");
			}
			attributes(item.attributes(), columns, source.label(), problems);
			spec.table(item.table()).ifPresent((table) -> keyTypes(item, table, columns, problems));
			changes(item, spec, columns, problems, flagged);
			for (EmbedSpec embed : item.embeds()) {
				if (flagged.contains(embed.location())) {
					continue;
				}
				for (String parent : embed.parentColumns()) {
					column(parent, columns, source.label(), embed.location(), problems, "parent column");
				}
				Map<String, @Nullable AttributeType> childColumns = columns(
						"SELECT * FROM " + embed.table() + " WHERE 1 = 0", embed.table(), embed.location(), problems);
				if (childColumns != null) {
					List<String> named = new ArrayList<>(embed.childColumns());
					named.addAll(embed.orderBy());
					for (String child : named) {
						column(child, childColumns, embed.table(), embed.location(), problems,
								embed.childColumns().contains(child) ? "child column" : "orderBy column");
					}
					if (embed.mapKey() != null) {
						column(embed.mapKey(), childColumns, embed.table(), embed.location(), problems,
								"map key column");
					}
					attributes(embed.attributes(), childColumns, embed.table(), problems);
				}
			}
		}
	}

	/**
	 * The incremental column and the soft-delete condition's column in the source; the
	 * tombstone source, its key and mark columns, and every column the item's key
	 * attributes read, in the tombstones.
	 */
	private void changes(ItemSpec item, MappingSpec spec, Map<String, @Nullable AttributeType> columns,
			Problems problems, Set<Location> flagged) {
		ChangeSpec changes = item.changes();
		String label = item.source().label();
		if (changes.incremental() != null) {
			column(changes.incremental().column(), columns, label, changes.incremental().location(), problems,
					"incremental column");
		}
		if (changes.deleteWhen() != null) {
			column(changes.deleteWhen().column(), columns, label, changes.deleteWhen().location(), problems,
					"`deletes.when` column");
		}
		ChangeSpec.TombstoneSpec tombstones = changes.tombstones();
		if (tombstones == null) {
			return;
		}
		SourceSpec source = tombstones.source();
		if (!checkable(source, flagged)) {
			return;
		}
		Map<String, @Nullable AttributeType> tombstoneColumns = columns(
				"SELECT * FROM " + JdbcSources.fromClause(source) + " WHERE 1 = 0", source.label(), source.location(),
				problems);
		if (tombstoneColumns == null) {
			return;
		}
		for (String key : source.key()) {
			column(key, tombstoneColumns, source.label(), source.location(), problems, "tombstone key column");
		}
		if (tombstones.column() != null) {
			column(tombstones.column(), tombstoneColumns, source.label(), source.location(), problems,
					"tombstone column");
		}
		spec.table(item.table()).ifPresent((table) -> {
			for (AttributeSpec attribute : item.attributes()) {
				if (!table.keyAttributeNames().contains(attribute.name())) {
					continue;
				}
				for (String column : attribute.value().columns()) {
					column(column, tombstoneColumns, source.label(), source.location(), problems,
							"`" + attribute.name() + "` key column");
				}
			}
		});
	}

	/**
	 * A database source with exactly one of table and query, and no problem where it is
	 * written.
	 */
	private static boolean checkable(SourceSpec source, Set<Location> flagged) {
		return !source.isFile() && (source.table() == null) != (source.query() == null)
				&& !flagged.contains(source.location());
	}

	private static void attributes(List<AttributeSpec> attributes, Map<String, @Nullable AttributeType> columns,
			String source, Problems problems) {
		for (AttributeSpec attribute : attributes) {
			for (String column : attribute.value().columns()) {
				column(column, columns, source, attribute.value().location(), problems, "column");
			}
			if (attribute.when() != null) {
				column(attribute.when().column(), columns, source, attribute.when().location(), problems,
						"`when` column");
			}
			attributes(attribute.nested(), columns, source, problems);
		}
	}

	/**
	 * A key attribute that is one column without a declared type takes the column's type,
	 * which must match.
	 */
	private static void keyTypes(ItemSpec item, TableSpec table, Map<String, @Nullable AttributeType> columns,
			Problems problems) {
		List<KeySpec> keys = new ArrayList<>();
		keys.add(table.partitionKey());
		keys.add(table.sortKey());
		for (IndexSpec index : table.globalSecondaryIndexes()) {
			keys.add(index.partitionKey());
			keys.add(index.sortKey());
		}
		for (KeySpec key : keys) {
			if (key == null) {
				continue;
			}
			for (AttributeSpec attribute : item.attributes()) {
				if (!attribute.name().equals(key.name()) || attribute.type() != null
						|| !attribute.value().isSingleColumn()) {
					continue;
				}
				String column = attribute.value().columns().get(0);
				String lower = column.toLowerCase(Locale.ROOT);
				if (columns.containsKey(lower) && columns.get(lower) != key.type()) {
					AttributeType inferred = columns.get(lower);
					problems.add(attribute.value().location(), ProblemCode.KEY_MISMATCH,
							"`" + key.name() + "` must be " + "of type " + key.type() + ", but the column `" + column
									+ "` of " + item.source().label() + " makes it "
									+ (inferred == null ? "a JSON document" : inferred) + ".",
							"Declare `type: " + key.type() + "` to convert the value, or cast the column in a source "
									+ "query.");
				}
			}
		}
	}

	private static void column(String column, Map<String, @Nullable AttributeType> columns, String source, Location at,
			Problems problems, String what) {
		if (!columns.containsKey(column.toLowerCase(Locale.ROOT))) {
			problems.add(at, ProblemCode.UNKNOWN_REFERENCE,
					"The " + what + " `" + column + "` does not exist in " + source + ".",
					"Use one of: " + String.join(", ", columns.keySet()) + ".");
		}
	}

	/**
	 * The columns of a statement, lower-cased, with their inferred types (null for JSON).
	 */
	private @Nullable Map<String, @Nullable AttributeType> columns(String sql, String source, Location at,
			Problems problems) {
		try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
			ResultSetMetaData meta = statement.executeQuery(sql).getMetaData();
			Map<String, @Nullable AttributeType> columns = new TreeMap<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT),
						ColumnTypes.inferred(meta.getColumnType(i), meta.getColumnTypeName(i), meta.getPrecision(i)));
			}
			return columns;
		}
		catch (SQLException ex) {
			problems.add(at, ProblemCode.UNKNOWN_REFERENCE,
					"Cannot read " + source + " from the source database: "
							+ String.valueOf(ex.getMessage()).lines().findFirst().orElse("") + ".",
					"Check the table name or query, and that the source user may read it.");
			return null;
		}
	}

}
