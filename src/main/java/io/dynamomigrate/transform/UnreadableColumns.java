package io.dynamomigrate.transform;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.Condition;
import io.dynamomigrate.mapping.model.EmbedSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.UnmappedColumns;
import io.dynamomigrate.records.ColumnValues;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.SourcePosition;
import io.dynamomigrate.records.UnreadableValue;
import org.jspecify.annotations.Nullable;

/**
 * Rejects a record when a column that its item definition reads holds an
 * {@link UnreadableValue} (NaN, an infinity, JSON that does not parse...): the columns
 * read by templates, {@code when}, {@code filter}, {@code deletes.when}, embeddings, and,
 * with {@code unmappedColumns} other than {@code drop}, every column not excluded. A
 * column the item never reads does not reject the record: its value is not written.
 * Thread-safe.
 */
final class UnreadableColumns {

	/** Column (lower case) to the attribute named in the reject. */
	private final Map<String, String> read = new LinkedHashMap<>();

	/**
	 * Whether every column not excluded is read (unmapped columns become attributes or a
	 * map).
	 */
	private final boolean all;

	private final Set<String> excluded = new HashSet<>();

	/** Per embedding: child column (lower case) to the attribute named in the reject. */
	private final Map<String, Map<String, String>> children = new LinkedHashMap<>();

	private UnreadableColumns(boolean all) {
		this.all = all;
	}

	/** The columns an item definition reads when it maps a record to an item. */
	static UnreadableColumns of(ItemSpec spec) {
		UnmappedColumns unmapped = spec.rules().unmappedColumns();
		UnreadableColumns columns = new UnreadableColumns(unmapped.mode() != UnmappedColumns.Mode.DROP);
		unmapped.exclude().forEach((c) -> columns.excluded.add(c.toLowerCase(Locale.ROOT)));
		collect(spec.attributes(), null, columns.read);
		condition(spec.rules().filter(), columns.read);
		condition(spec.changes().deleteWhen(), columns.read);
		for (EmbedSpec embed : spec.embeds()) {
			embed.parentColumns().forEach((c) -> columns.read.putIfAbsent(c.toLowerCase(Locale.ROOT), embed.name()));
			Map<String, String> child = new LinkedHashMap<>();
			collect(embed.attributes(), embed.name(), child);
			if (embed.mapKey() != null) {
				child.putIfAbsent(embed.mapKey().toLowerCase(Locale.ROOT), embed.name());
			}
			columns.children.put(embed.name(), child);
		}
		return columns;
	}

	/** The columns the given attributes read (the key attributes of a deletion). */
	static UnreadableColumns of(List<AttributeSpec> attributes) {
		UnreadableColumns columns = new UnreadableColumns(false);
		collect(attributes, null, columns.read);
		return columns;
	}

	private static void collect(List<AttributeSpec> attributes, @Nullable String parent, Map<String, String> read) {
		for (AttributeSpec attribute : attributes) {
			String name = parent != null ? parent : attribute.name();
			attribute.value().columns().forEach((c) -> read.putIfAbsent(c.toLowerCase(Locale.ROOT), name));
			if (attribute.when() != null) {
				read.putIfAbsent(attribute.when().column().toLowerCase(Locale.ROOT), name);
			}
			collect(attribute.nested(), name, read);
		}
	}

	private static void condition(@Nullable Condition condition, Map<String, String> read) {
		if (condition != null) {
			read.putIfAbsent(condition.column().toLowerCase(Locale.ROOT), "");
		}
	}

	/**
	 * @throws RecordRejectedException when a column the item reads is unreadable
	 */
	void check(Map<String, @Nullable Object> values, SourcePosition position) {
		if (!all) {
			check(values, read, position);
			return;
		}
		if (holdsNone(values)) {
			return;
		}
		for (Map.Entry<String, @Nullable Object> column : values.entrySet()) {
			String name = column.getKey().toLowerCase(Locale.ROOT);
			if (column.getValue() instanceof UnreadableValue unreadable
					&& (read.containsKey(name) || !excluded.contains(name))) {
				throw reject(column.getKey(), read.getOrDefault(name, UnmappedColumnsMapper.name(column.getKey())),
						unreadable, position);
			}
		}
	}

	/**
	 * @throws RecordRejectedException when a column that an embedding reads is unreadable
	 * in a child row
	 */
	void checkChildren(String embedding, List<Map<String, @Nullable Object>> rows, SourcePosition position) {
		Map<String, String> columns = children.get(embedding);
		if (columns != null) {
			for (Map<String, @Nullable Object> row : rows) {
				check(row, columns, position);
			}
		}
	}

	private static void check(Map<String, @Nullable Object> values, Map<String, String> columns,
			SourcePosition position) {
		if (holdsNone(values)) {
			return;
		}
		for (Map.Entry<String, String> column : columns.entrySet()) {
			if (values.get(column.getKey()) instanceof UnreadableValue unreadable) {
				throw reject(column.getKey(), column.getValue(), unreadable, position);
			}
		}
	}

	/**
	 * Whether the values are a row known to hold no unreadable value (a JDBC row says so
	 * when it is built), so that none of its columns need be looked up.
	 */
	private static boolean holdsNone(Map<String, @Nullable Object> values) {
		return values instanceof ColumnValues row && !row.hasUnreadable();
	}

	private static RecordRejectedException reject(String column, String attribute, UnreadableValue value,
			SourcePosition position) {
		return new RecordRejectedException(value.reason(), position, attribute,
				"the column " + column + " " + value.phrase(), value.text());
	}

}
