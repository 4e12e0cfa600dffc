package io.dynamomigrate.dynamodb.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbJsonLinesTests {

	@Test
	void everyTypeIsWrittenWithItsTypeAndExactText() {
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		item.put("s", AttributeValue.fromS("a \"quoted\" \u00e9 text"));
		item.put("n", AttributeValue.fromN("12345678901234567890.123456789012345678"));
		item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0, 1, (byte) 0xff })));
		item.put("bool", AttributeValue.fromBool(true));
		item.put("null", AttributeValue.fromNul(true));
		item.put("ss", AttributeValue.fromSs(List.of("x", "y")));
		item.put("ns", AttributeValue.fromNs(List.of("1", "2.50")));
		item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] { 7 }))));
		item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("e"), AttributeValue.fromN("0"))));
		item.put("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(false))));

		assertThat(DynamoDbJsonLines.line(item)).isEqualTo("{\"Item\":{\"s\":{\"S\":\"a \\\"quoted\\\" \u00e9 text\"},"
				+ "\"n\":{\"N\":\"12345678901234567890.123456789012345678\"},\"b\":{\"B\":\"AAH/\"},"
				+ "\"bool\":{\"BOOL\":true},\"null\":{\"NULL\":true},\"ss\":{\"SS\":[\"x\",\"y\"]},"
				+ "\"ns\":{\"NS\":[\"1\",\"2.50\"]},\"bs\":{\"BS\":[\"Bw==\"]},"
				+ "\"l\":{\"L\":[{\"S\":\"e\"},{\"N\":\"0\"}]},\"m\":{\"M\":{\"k\":{\"BOOL\":false}}}}}");
		assertThat(DynamoDbJsonLines.bytes(item))
			.isEqualTo(DynamoDbJsonLines.line(item).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1);
	}

}
