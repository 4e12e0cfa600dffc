package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import io.dynamomigrate.records.ColumnValues;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.records.SourcePosition;
import io.dynamomigrate.records.SourceRecord;
import io.dynamomigrate.records.UnreadableValue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Records to items by mappings loaded from YAML: filters, conditional attributes, nested
 * maps and lists, unmapped columns, sets, TTL epochs, index key checks and embedded maps.
 */
class ItemMapperTests {

	private static final String HEAD = """
			name: shop
			source: { url: "jdbc:h2:mem:x" }
			tables:
			  - name: shop
			    partitionKey: { name: pk, type: S }
			    sortKey: { name: sk, type: S }
			    globalSecondaryIndexes:
			      - { name: gsi1, partitionKey: { name: gsi1pk, type: S }, sortKey: { name: gsi1sk, type: N } }
			items:
			  - name: order
			    table: shop
			    source: { table: orders, key: [id] }
			""";

	private static ItemMapper mapper(String item) {
		MappingSpec spec = new MappingLoader((name) -> null).load(Path.of("shop.yml"), HEAD + item);
		ItemSpec order = spec.items().get(0);
		return new ItemMapper(order, spec.tables().get(0));
	}

	private static SourceRecord record(Object... columnsAndValues) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return new SourceRecord(values, new SourcePosition("orders", Map.of("id", values.getOrDefault("ID", "?"))));
	}

	@Test
	void filterAndWhen_decideWhichRecordsBecomeItemsAndWhichAttributesTheyHave() {
		ItemMapper mapper = mapper("""
				    filter: { column: status, in: [paid, shipped] }
				    optionalIndexKeys: [gsi1pk, gsi1sk]
				    attributes:
				      pk: "ORDER#${id}"
				      sk: ORDER
				      shippedAt: { value: "${shipped_at}", when: { column: status, equals: shipped } }
				      note: { value: "no coupon", when: { column: coupon, isNull: true } }
				      coupon: { value: "${coupon}", when: { column: coupon, notNull: true } }
				""");
		SourceRecord paid = record("id", BigDecimal.ONE, "status", "paid", "shipped_at", null, "coupon", "X1");
		SourceRecord shipped = record("id", BigDecimal.valueOf(2), "status", "shipped", "shipped_at",
				LocalDateTime.of(2024, 1, 2, 3, 4, 5), "coupon", null);

		assertThat(mapper.accepts(record("id", BigDecimal.TEN, "status", "open"))).isFalse();
		assertThat(mapper.accepts(record("id", BigDecimal.TEN, "status", null))).isFalse();
		assertThat(mapper.accepts(paid)).isTrue();
		assertThat(mapper.map(paid).item()).containsOnlyKeys("pk", "sk", "coupon");
		assertThat(mapper.map(shipped).item()).containsOnlyKeys("pk", "sk", "shippedAt", "note")
			.containsEntry("shippedAt", AttributeValue.fromS("2024-01-02T03:04:05.000Z"))
			.containsEntry("note", AttributeValue.fromS("no coupon"));
	}

	@Test
	void filteredRecords_areNullFromTheProcessor_soTheStepCountsThemAsFiltered() throws Exception {
		MappingItemProcessor processor = new MappingItemProcessor(mapper("""
				    filter: { column: status, equals: paid }
				    optionalIndexKeys: [gsi1pk, gsi1sk]
				    attributes: { pk: "ORDER#${id}", sk: ORDER }
				"""));

		assertThat(processor.process(record("id", BigDecimal.ONE, "status", "open"))).isNull();
		assertThat(processor.process(record("id", BigDecimal.ONE, "status", "paid"))).isNotNull();
	}

	@Test
	void nestedDefinitions_makeMapsAndLists() {
		ItemMapper mapper = mapper("""
				    optionalIndexKeys: [gsi1pk, gsi1sk]
				    attributes:
				      pk: "ORDER#${id}"
				      sk: ORDER
				      customer:
				        attributes:
				          name: "${customer_name}"
				          address: { attributes: { city: "${city}", zip: "${zip}" } }
				          vip: { value: "${vip}", type: BOOL, when: { column: vip, notNull: true } }
				      lines: [ "${first_line}", { value: "${qty}", type: N }, [ "${city}" ] ]
				""");

		Map<String, AttributeValue> item = mapper
			.map(record("id", BigDecimal.ONE, "customer_name", "Zoë", "city", "Köln", "zip", null, "vip", null,
					"first_line", "A-1", "qty", new BigDecimal("2.0")))
			.item();

		assertThat(item.get("customer")).isEqualTo(AttributeValue.fromM(Map.of("name", AttributeValue.fromS("Zoë"),
				"address", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Köln"))))));
		assertThat(item.get("lines")).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("A-1"),
				AttributeValue.fromN("2"), AttributeValue.fromL(List.of(AttributeValue.fromS("Köln"))))));
	}

	@Test
	void anUnreadableValueInAColumnRead_rejectsTheRecord_fromAJdbcRowAsFromAnyMap() {
		UnreadableValue nan = UnreadableValue.of("NaN", "is not a number");
		ColumnValues.Layout layout = new ColumnValues.Layout(new String[] { "ID", "TOTAL" });
		SourcePosition position = new SourcePosition("orders", Map.of("id", 1));
		for (String rules : List.of("", "    unmappedColumns: { as: attributes }\n")) {
			ItemMapper mapper = mapper("    optionalIndexKeys: [gsi1pk, gsi1sk]\n" + rules + """
					    attributes: { pk: "ORDER#${id}", sk: "TOTAL#${total}" }
					""");
			assertThatThrownBy(
					() -> mapper.map(new SourceRecord(new ColumnValues(layout, new Object[] { 1, nan }), position)))
				.as("a JDBC row, rules '%s'", rules)
				.isInstanceOf(RecordRejectedException.class);
			assertThatThrownBy(() -> mapper.map(record("ID", 1, "TOTAL", nan))).as("a map, rules '%s'", rules)
				.isInstanceOf(RecordRejectedException.class);
			assertThat(mapper.map(new SourceRecord(new ColumnValues(layout, new Object[] { 1, 9 }), position)).item())
				.as("a JDBC row without an unreadable value, rules '%s'", rules)
				.containsEntry("sk", AttributeValue.fromS("TOTAL#9"));
		}
	}

	@Test
	void unmappedColumns_asAttributes_withExclusions_takeTheirTypesFromTheColumns() {
		ItemMapper mapper = mapper("""
				    unmappedColumns: { as: attributes, exclude: [SECRET] }
				    attributes: { pk: "ORDER#${id}", sk: ORDER }
				""");

		Map<String, AttributeValue> item = mapper
			.map(record("ID", BigDecimal.ONE, "TOTAL", new BigDecimal("9.90"), "paid", true, "secret", "pw", "tags",
					Arrays.asList("a", null), "missing", null))
			.item();

		assertThat(item).containsOnlyKeys("pk", "sk", "total", "paid", "tags")
			.containsEntry("total", AttributeValue.fromN("9.9"))
			.containsEntry("paid", AttributeValue.fromBool(true))
			.containsEntry("tags",
					AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromNul(true))));
	}

	@Test
	void unmappedColumns_asMap_areGatheredIntoOneDocument() {
		ItemMapper mapper = mapper("""
				    optionalIndexKeys: [gsi1pk, gsi1sk]
				    unmappedColumns: { as: map, name: details }
				    attributes: { pk: "ORDER#${id}", sk: ORDER }
				""");

		Map<String, AttributeValue> item = mapper
			.map(record("id", BigDecimal.ONE, "total", new BigDecimal("9.90"), "note", ""))
			.item();

		assertThat(item).containsOnlyKeys("pk", "sk", "details");
		assertThat(item.get("details")).isEqualTo(
				AttributeValue.fromM(Map.of("total", AttributeValue.fromN("9.9"), "note", AttributeValue.fromS(""))));
	}

	@Test
	void setsAndTtlEpochs_fromSplitTextAndTimestamps() {
		ItemMapper mapper = mapper("""
				    optionalIndexKeys: [gsi1pk, gsi1sk]
				    attributes:
				      pk: "ORDER#${id}"
				      sk: ORDER
				      tags: { value: "${tags}", type: SS, split: "," }
				      sizes: { value: "${sizes}", type: NS, onEmptySet: reject }
				      expiresAt: { value: "${expires}", type: N, format: epoch-seconds }
				""");

		Map<String, AttributeValue> item = mapper
			.map(record("id", BigDecimal.ONE, "tags", "b,a,b", "sizes",
					List.of(new BigDecimal("40"), new BigDecimal("40.0"), new BigDecimal("42")), "expires",
					LocalDateTime.of(2030, 1, 1, 0, 0)))
			.item();

		assertThat(item).containsEntry("tags", AttributeValue.fromSs(List.of("b", "a")))
			.containsEntry("sizes", AttributeValue.fromNs(List.of("40", "42")))
			.containsEntry("expiresAt", AttributeValue.fromN("1893456000"));
		RecordRejectedException reject = catchThrowableOfType(RecordRejectedException.class,
				() -> mapper.map(record("id", BigDecimal.ONE, "tags", "", "sizes", List.of(), "expires", null)));
		assertThat(reject.getReason()).isEqualTo(RejectReason.EMPTY_SET);
		assertThat(reject.getAttribute()).isEqualTo("sizes");
	}

	@Test
	void emptyOrWronglyTypedIndexKeys_areRejects_butAMissingOneIsASparseItem() {
		ItemMapper mapper = mapper("""
				    optionalIndexKeys: [gsi1pk, gsi1sk]
				    attributes:
				      pk: "ORDER#${id}"
				      sk: ORDER
				      gsi1pk: "${customer}"
				      gsi1sk: "${rank}"
				""");

		RecordRejectedException empty = catchThrowableOfType(RecordRejectedException.class,
				() -> mapper.map(record("id", BigDecimal.ONE, "customer", "", "rank", BigDecimal.ONE)));
		RecordRejectedException text = catchThrowableOfType(RecordRejectedException.class,
				() -> mapper.map(record("id", BigDecimal.ONE, "customer", "c", "rank", "first")));

		assertThat(empty.getReason()).isEqualTo(RejectReason.EMPTY_KEY);
		assertThat(empty.getAttribute()).isEqualTo("gsi1pk");
		assertThat(text.getReason()).isEqualTo(RejectReason.INVALID_KEY_TYPE);
		assertThat(text.getMessage()).contains("gsi1sk").contains("index key attribute is of type S");
		assertThat(mapper.map(record("id", BigDecimal.ONE, "customer", null, "rank", null)).item())
			.containsOnlyKeys("pk", "sk");
	}

	@Test
	void emptyTableKey_isAnEmptyKeyReject() {
		ItemMapper mapper = mapper("""
				    optionalIndexKeys: [gsi1pk, gsi1sk]
				    attributes: { pk: "${code}", sk: ORDER }
				""");

		RecordRejectedException reject = catchThrowableOfType(RecordRejectedException.class,
				() -> mapper.map(record("id", BigDecimal.ONE, "code", "")));

		assertThat(reject.getReason()).isEqualTo(RejectReason.EMPTY_KEY);
		assertThat(reject.getAttribute()).isEqualTo("pk");
	}

	@Test
	void aMappedItem_keepsTheMappersAttributesReadOnlyAndInTheMappingsOrder() {
		ItemMapper mapper = mapper("""
				    optionalIndexKeys: [gsi1pk, gsi1sk]
				    attributes:
				      pk: "ORDER#${id}"
				      sk: ORDER
				      total: "${total}"
				      status: "${status}"
				""");
		MappedItem item = mapper.map(record("id", BigDecimal.ONE, "total", new BigDecimal("9.50"), "status", "paid"));

		assertThat(item.item()).containsExactly(Map.entry("pk", AttributeValue.fromS("ORDER#1")),
				Map.entry("sk", AttributeValue.fromS("ORDER")), Map.entry("total", AttributeValue.fromN("9.5")),
				Map.entry("status", AttributeValue.fromS("paid")));
		assertThat(item.key()).containsExactly(Map.entry("pk", AttributeValue.fromS("ORDER#1")),
				Map.entry("sk", AttributeValue.fromS("ORDER")));
		assertThat(item.item()).isEqualTo(Map.copyOf(item.item())).hasSameHashCodeAs(Map.copyOf(item.item()));
		assertThat(item.key())
			.isEqualTo(Map.of("pk", AttributeValue.fromS("ORDER#1"), "sk", AttributeValue.fromS("ORDER")));
		assertThatThrownBy(() -> item.item().put("x", AttributeValue.fromS("y")))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> item.key().remove("pk")).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> item.item().entrySet().iterator().next().setValue(AttributeValue.fromS("y")))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> item.item().keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThat(item.item()).hasSize(4);
	}

}
