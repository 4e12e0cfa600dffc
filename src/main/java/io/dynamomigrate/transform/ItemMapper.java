package io.dynamomigrate.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.EmbedSpec;
import io.dynamomigrate.mapping.model.FileFormat;
import io.dynamomigrate.mapping.model.FileSourceSpec;
import io.dynamomigrate.mapping.model.IndexSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.KeySpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.records.SourcePosition;
import io.dynamomigrate.records.SourceRecord;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a source record into a DynamoDB item by an item definition: renders each
 * attribute's template, converts it to its type, applies the null policy and {@code when}
 * conditions, builds nested maps and lists, adds unmapped columns, fills embedded lists
 * and maps from the record's child rows, and checks the primary key, the index keys and
 * the item size. A record that cannot become a valid item raises
 * {@link RecordRejectedException}. Thread-safe.
 */
public final class ItemMapper {

	private final ItemSpec spec;

	private final Map<String, AttributeType> keyAttributes = new LinkedHashMap<>();

	private final Map<String, AttributeType> indexKeyAttributes = new LinkedHashMap<>();

	/**
	 * The most bytes a key or index key attribute may have: 2,048 for partition keys,
	 * 1,024 for sort keys.
	 */
	private final Map<String, Integer> maxKeyBytes = new LinkedHashMap<>();

	private final AttributeBuilder builder;

	private final UnmappedColumnsMapper unmapped;

	private final List<AttributeSpec> keySpecs;

	private final UnreadableColumns unreadable;

	private final UnreadableColumns unreadableKey;

	/** DynamoDB's limit for a partition key value of a table or an index. */
	static final int MAX_PARTITION_KEY_BYTES = 2048;

	/** DynamoDB's limit for a sort key value of a table or an index. */
	static final int MAX_SORT_KEY_BYTES = 1024;

	public ItemMapper(ItemSpec spec, TableSpec table) {
		this.spec = spec;
		keyAttributes.put(table.partitionKey().name(), table.partitionKey().type());
		maxKeyBytes.put(table.partitionKey().name(), MAX_PARTITION_KEY_BYTES);
		if (table.sortKey() != null) {
			keyAttributes.put(table.sortKey().name(), table.sortKey().type());
			maxKeyBytes.merge(table.sortKey().name(), MAX_SORT_KEY_BYTES, Math::min);
		}
		for (IndexSpec index : table.globalSecondaryIndexes()) {
			for (KeySpec key : new KeySpec[] { index.partitionKey(), index.sortKey() }) {
				if (key != null && !keyAttributes.containsKey(key.name())) {
					indexKeyAttributes.put(key.name(), key.type());
				}
				if (key != null) {
					maxKeyBytes.merge(key.name(),
							key == index.partitionKey() ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES, Math::min);
				}
			}
		}
		Map<String, AttributeType> typedKeys = new LinkedHashMap<>();
		if (typedValues(spec)) {
			typedKeys.putAll(keyAttributes);
			typedKeys.putAll(indexKeyAttributes);
		}
		this.builder = new AttributeBuilder(keyAttributes.keySet(), typedKeys);
		this.unmapped = new UnmappedColumnsMapper(spec);
		this.keySpecs = spec.attributes().stream().filter((a) -> keyAttributes.containsKey(a.name())).toList();
		this.unreadable = UnreadableColumns.of(spec);
		this.unreadableKey = UnreadableColumns.of(keySpecs);
	}

	/**
	 * Whether the source's values carry their own type per record (JSON, JSON Lines,
	 * DynamoDB JSON files), so that a key value of another type is a reject rather than a
	 * conversion. CSV values are all text (the declared type is the conversion), and
	 * database columns have one type known before the run.
	 */
	private static boolean typedValues(ItemSpec spec) {
		FileSourceSpec file = spec.source().file();
		if (file == null) {
			return false;
		}
		FileFormat format = file.format() != null ? file.format() : FileFormat.fromFileName(file.path());
		return format != FileFormat.CSV;
	}

	/**
	 * Whether the record is a soft-deleted row ({@code deletes.when}), whose item is to
	 * be deleted.
	 */
	public boolean isDeletion(SourceRecord record) {
		if (spec.changes().deleteWhen() != null) {
			unreadable.check(record.values(), record.position());
		}
		return spec.changes().deleteWhen() != null && Conditions.holds(spec.changes().deleteWhen(), record.values());
	}

	/**
	 * The deletion of the item a record names: a soft-deleted row or a tombstone, which
	 * needs only the columns the key attributes read. @throws RecordRejectedException
	 * when the key cannot be made
	 */
	public MappedItem deletion(SourceRecord record) {
		Map<String, @Nullable Object> values = record.values();
		unreadableKey.check(values, record.position());
		Map<String, AttributeValue> attributes = builder.attributes(keySpecs, values, record.position());
		if (attributes.size() < keyAttributes.size()) {
			unmapped.add(attributes, values, record.position());
		}
		return MappedItem.deletion(spec.table(), key(attributes, record.position()), record.position());
	}

	/**
	 * Whether the record passes the definition's row filter; records that do not are
	 * counted as filtered.
	 */
	public boolean accepts(SourceRecord record) {
		if (spec.rules().filter() != null) {
			unreadable.check(record.values(), record.position());
		}
		return Conditions.holds(spec.rules().filter(), record.values());
	}

	/**
	 * The item for a record. @throws RecordRejectedException when the record cannot
	 * become a valid item
	 */
	public MappedItem map(SourceRecord record) {
		Map<String, @Nullable Object> values = record.values();
		unreadable.check(values, record.position());
		Map<String, AttributeValue> item = builder.attributes(spec.attributes(), values, record.position());
		unmapped.add(item, values, record.position());
		for (EmbedSpec embed : spec.embeds()) {
			item.put(embed.name(), embedded(embed, record));
		}
		Map<String, AttributeValue> key = key(item, record.position());
		for (Map.Entry<String, AttributeType> indexKey : indexKeyAttributes.entrySet()) {
			AttributeValue value = item.get(indexKey.getKey());
			if (value != null) {
				checkKey(indexKey.getKey(), value, indexKey.getValue(), "index key attribute", record.position());
			}
		}
		long size = ItemSizes.of(item);
		if (size > ItemSizes.MAX_ITEM_BYTES) {
			throw new RecordRejectedException(RejectReason.ITEM_TOO_LARGE, record.position(), "",
					"item is " + size + " bytes; DynamoDB's limit is " + ItemSizes.MAX_ITEM_BYTES, key);
		}
		return new MappedItem(spec.table(), new ItemAttributes(item), key, size, record.position());
	}

	/** The primary key of an item, checked. */
	private Map<String, AttributeValue> key(Map<String, AttributeValue> item, SourcePosition position) {
		Map<String, AttributeValue> key = new LinkedHashMap<>();
		for (Map.Entry<String, AttributeType> keyAttribute : keyAttributes.entrySet()) {
			String name = keyAttribute.getKey();
			AttributeValue value = item.get(name);
			if (value == null || value.nul() != null) {
				throw new RecordRejectedException(RejectReason.NULL_KEY, position, name, "key attribute is null",
						"null");
			}
			checkKey(name, value, keyAttribute.getValue(), "key attribute", position);
			key.put(name, value);
		}
		return new ItemAttributes(key);
	}

	/**
	 * Key and index key attributes: of the declared type, not empty and not over
	 * DynamoDB's key sizes (UTF-8 bytes of text, bytes of binary), or DynamoDB refuses
	 * the whole batch.
	 */
	private void checkKey(String name, AttributeValue value, AttributeType type, String role, SourcePosition position) {
		if (!type.name().equals(value.type().name())) {
			throw new RecordRejectedException(RejectReason.INVALID_KEY_TYPE, position, name,
					role + " is of type " + value.type() + ", but the table declares " + type, value.toString());
		}
		if ((value.s() != null && value.s().isEmpty())
				|| (value.b() != null && value.b().asByteArrayUnsafe().length == 0)) {
			throw new RecordRejectedException(RejectReason.EMPTY_KEY, position, name,
					role + " is empty; DynamoDB refuses empty key values", "");
		}
		long bytes = value.s() != null ? ItemSizes.utf8(value.s())
				: value.b() != null ? value.b().asByteArrayUnsafe().length : 0;
		int max = maxKeyBytes.getOrDefault(name, MAX_PARTITION_KEY_BYTES);
		if (bytes > max) {
			throw new RecordRejectedException(RejectReason.KEY_TOO_LARGE, position, name,
					role + " has " + bytes + " bytes; DynamoDB allows at most " + max + " bytes in a "
							+ (max == MAX_SORT_KEY_BYTES ? "sort key" : "partition key")
							+ " (UTF-8 bytes of text). Shorten the value, e.g. with a "
							+ "hash of it, or leave the attribute out of the key",
					value.s() != null ? value.s() : "(binary)");
		}
	}

	private AttributeValue embedded(EmbedSpec embed, SourceRecord record) {
		List<Map<String, @Nullable Object>> rows = record.children(embed.name());
		if (rows == null) {
			throw new IllegalStateException("Child rows of " + embed.name() + " were not loaded for "
					+ record.position() + "; the step must register EmbeddedRowsLoader.");
		}
		unreadable.checkChildren(embed.name(), rows, record.position());
		if (rows.size() > embed.maxElements()) {
			throw new RecordRejectedException(RejectReason.TOO_MANY_ELEMENTS, record.position(), embed.name(),
					rows.size() + " child rows, more than maxElements " + embed.maxElements(), rows.size());
		}
		if (embed.mapKey() == null) {
			return AttributeValue.fromL(rows.stream()
				.map((Map<String, @Nullable Object> row) -> AttributeValue
					.fromM(builder.attributes(embed.attributes(), row, record.position())))
				.toList());
		}
		Map<String, AttributeValue> elements = new LinkedHashMap<>();
		for (Map<String, @Nullable Object> row : rows) {
			Object key = row.get(embed.mapKey());
			String text = key == null ? null : Values.text(key);
			if (text == null || elements.containsKey(text)) {
				throw new RecordRejectedException(RejectReason.INVALID_VALUE, record.position(), embed.name(),
						"the child column " + embed.mapKey() + " is "
								+ (text == null ? "null" : "`" + text + "` in two child rows")
								+ "; a map needs one distinct key per row",
						String.valueOf(text));
			}
			elements.put(text, AttributeValue.fromM(builder.attributes(embed.attributes(), row, record.position())));
		}
		return AttributeValue.fromM(elements);
	}

}
