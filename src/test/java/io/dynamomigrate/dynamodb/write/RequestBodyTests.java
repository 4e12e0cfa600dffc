package io.dynamomigrate.dynamodb.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.dynamomigrate.transform.ItemSizes;
import io.dynamomigrate.transform.MappedItem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request bodies {@link RequestBody} writes are, byte for byte, those Jackson's
 * generator writes through {@link ItemJson}: for every UTF-16 code unit (escapes,
 * multi-byte UTF-8, surrogate pairs and lone surrogates), for every attribute type,
 * nested documents, deletions and bodies larger than the first buffer; and so are the
 * lines of an import.
 */
class RequestBodyTests {

	@Test
	void everyCodeUnit_isWrittenAsJacksonWritesIt() {
		List<MappedItem> items = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			text.append((char) c);
			if (text.length() == 500 || c == Character.MAX_VALUE) { // 500: a chunk ends
																	// between a high and
																	// a low one
				items.add(item(items.size(), Map.of("text", AttributeValue.fromS(text.toString()))));
				text.setLength(0);
			}
		}
		for (int i = 0; i < items.size(); i += 25) {
			List<MappedItem> batch = items.subList(i, Math.min(items.size(), i + 25));
			assertSameBytes("t", batch);
		}
	}

	@Test
	void surrogatePairsAndNonAscii_areWrittenAsJacksonWritesThem() {
		String text = "caf\u00e9 \u00fc\u00df \u20ac \u4e2d\u6587 \ud83c\udfb5 \ud83d\ude00 end \ud800 \udc00 \u007f / \" \\ \t\n";
		assertSameBytes("table-\u00e9", List.of(item(1, Map.of("s", AttributeValue.fromS(text), "ss",
				AttributeValue.fromSs(List.of(text, "b")), "name \u00e9\"\\", AttributeValue.fromS("")))));
	}

	@Test
	void everyAttributeType_isWrittenAsJacksonWritesIt() {
		Random random = new Random(13);
		byte[] binary = new byte[100];
		random.nextBytes(binary);
		Map<String, AttributeValue> nested = new LinkedHashMap<>();
		nested.put("n", AttributeValue.fromN("-1.5E+7"));
		nested.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromBool(false),
				AttributeValue.fromNul(true), AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of()))));
		Map<String, AttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("s", AttributeValue.fromS("text"));
		attributes.put("n", AttributeValue.fromN("12345678901234567890123456789012345678"));
		attributes.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(binary)));
		attributes.put("empty", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])));
		attributes.put("yes", AttributeValue.fromBool(true));
		attributes.put("no", AttributeValue.fromBool(false));
		attributes.put("null", AttributeValue.fromNul(true));
		attributes.put("ss", AttributeValue.fromSs(List.of("a", "b")));
		attributes.put("ns", AttributeValue.fromNs(List.of("1", "0.25")));
		attributes.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(binary),
				SdkBytes.fromByteArray(new byte[] { 1 }), SdkBytes.fromByteArray(new byte[] { 1, 2 }))));
		attributes.put("m", AttributeValue.fromM(nested));
		attributes.put("l", AttributeValue.fromL(List.of(AttributeValue.fromM(nested), AttributeValue.fromN("0"))));
		MappedItem put = item(1, attributes);
		MappedItem delete = MappedItem.deletion("t", item(2, Map.of()).key(), WriterFixtures.position(2));
		assertSameBytes("t", List.of(put, delete, item(3, Map.of())));
		assertThat(RequestBody.importLine(attributes)).as("an import's line")
			.isEqualTo(ItemJson.importLine(attributes));
	}

	@Test
	void aBodyLargerThanItsFirstBuffer_isWrittenWhole() {
		String large = "x".repeat(300_000) + "\u00e9".repeat(50_000);
		List<MappedItem> items = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			items.add(item(i, Map.of("large", AttributeValue.fromS(large), "small", AttributeValue.fromS("y"))));
		}
		assertSameBytes("t", items);
		assertThat(RequestBody.of("t", items).length).isGreaterThan(25 * 400_000);
	}

	private static void assertSameBytes(String table, List<MappedItem> items) {
		byte[] expected = ItemJson.body(table, items);
		byte[] actual = RequestBody.of(table, items);
		assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
		assertThat(actual).isEqualTo(expected);
	}

	private static MappedItem item(int id, Map<String, AttributeValue> attributes) {
		Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("TRACK#" + id), "sk",
				AttributeValue.fromN(Integer.toString(id)));
		Map<String, AttributeValue> item = new LinkedHashMap<>(key);
		item.putAll(attributes);
		return new MappedItem("t", item, key, ItemSizes.of(item), WriterFixtures.position(id));
	}

}
