package io.dynamomigrate.dynamodb.imports;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.dynamomigrate.dynamodb.write.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes an item as one line of DynamoDB JSON, the {@code DYNAMODB_JSON} input format of
 * {@code ImportTable} (and of DynamoDB's export to S3): {@code {"Item":{"id":{"N":"1"},
 * ...}}}, every value with its type as written (numbers as their exact text, binary as
 * base64, sets as given). Thread-safe.
 */
public final class DynamoDbJsonLines {

	private DynamoDbJsonLines() {
	}

	/** The item's line, without the line break. */
	public static String line(Map<String, AttributeValue> item) {
		return new String(RequestBody.importLine(item), StandardCharsets.UTF_8);
	}

	/** The length of the item's line in UTF-8 bytes, with its line break. */
	public static long bytes(Map<String, AttributeValue> item) {
		return RequestBody.importLine(item).length + 1;
	}

}
