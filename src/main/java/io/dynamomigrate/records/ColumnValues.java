package io.dynamomigrate.records;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * The column values of one source row, case-insensitive by name, as templates and
 * conditions read them: an array of values and a {@link Layout} shared by every row of a
 * result set, so that a row costs one array instead of two hash maps, and a lookup by the
 * exact name (a template's own column reference) is one small shared hash map. Names and
 * iteration order follow {@link LinkedCaseInsensitiveMap} with the default locale: a name
 * that repeats, ignoring case, keeps one entry with the last column's value. Read-only.
 * Not thread-safe to build; safe to read once built.
 */
public final class ColumnValues extends AbstractMap<String, @Nullable Object> {

	private final Layout layout;

	private final @Nullable Object[] values;

	/** Whether a value is an {@link UnreadableValue}. */
	private final boolean unreadable;

	/**
	 * The values of one row.
	 * @param layout the columns of the row's result set
	 * @param values the value of every column, in result set order (the array is kept,
	 * not copied)
	 */
	public ColumnValues(Layout layout, @Nullable Object[] values) {
		if (values.length != layout.columns) {
			throw new IllegalArgumentException("Expected " + layout.columns + " values, got " + values.length);
		}
		this.layout = layout;
		this.values = values;
		boolean any = false;
		for (Object value : values) {
			any |= value instanceof UnreadableValue;
		}
		this.unreadable = any;
	}

	/**
	 * Whether a column holds an {@link UnreadableValue}: when not, a check of the columns
	 * read need not look any of them up.
	 */
	public boolean hasUnreadable() {
		return unreadable;
	}

	@Override
	public @Nullable Object get(Object key) {
		int index = layout.indexOf(key);
		return index < 0 ? null : values[index];
	}

	@Override
	public boolean containsKey(Object key) {
		return layout.indexOf(key) >= 0;
	}

	@Override
	public int size() {
		return layout.names.length;
	}

	@Override
	public Set<Map.Entry<String, @Nullable Object>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Map.Entry<String, @Nullable Object>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return next < layout.names.length;
					}

					@Override
					public Map.Entry<String, @Nullable Object> next() {
						if (next >= layout.names.length) {
							throw new NoSuchElementException();
						}
						int i = next++;
						return new AbstractMap.SimpleImmutableEntry<>(layout.names[i], values[layout.indexes[i]]);
					}

				};
			}

			@Override
			public int size() {
				return layout.names.length;
			}

		};
	}

	/**
	 * The columns of a result set: their names and where each one's value is, by exact
	 * and by folded name.
	 */
	public static final class Layout {

		private final int columns;

		private final Locale locale = Locale.getDefault();

		/** The visible names, in iteration order, and the value index of each. */
		private final String[] names;

		private final int[] indexes;

		private final Map<String, Integer> byName = new HashMap<>();

		private final Map<String, Integer> byFoldedName = new HashMap<>();

		/**
		 * @param labels the column labels in result set order
		 */
		public Layout(String[] labels) {
			this.columns = labels.length;
			LinkedCaseInsensitiveMap<Integer> visible = new LinkedCaseInsensitiveMap<>(labels.length, locale);
			for (int i = 0; i < labels.length; i++) {
				visible.put(labels[i], i);
			}
			this.names = new String[visible.size()];
			this.indexes = new int[visible.size()];
			int n = 0;
			for (Map.Entry<String, Integer> entry : visible.entrySet()) {
				names[n] = entry.getKey();
				indexes[n] = entry.getValue();
				byName.put(entry.getKey(), entry.getValue());
				byFoldedName.put(entry.getKey().toLowerCase(locale), entry.getValue());
				n++;
			}
		}

		int indexOf(@Nullable Object key) {
			if (!(key instanceof String name)) {
				return -1;
			}
			Integer index = byName.get(name);
			if (index == null) {
				index = byFoldedName.get(name.toLowerCase(locale));
			}
			return index == null ? -1 : index;
		}

	}

}
