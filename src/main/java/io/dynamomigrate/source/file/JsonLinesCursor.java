package io.dynamomigrate.source.file;

import java.io.IOException;
import java.util.Map;

import io.dynamomigrate.records.JsonValues;
import io.dynamomigrate.records.RejectReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * JSON Lines, and DynamoDB JSON exports (one {@code {"Item": ...}} per line): one object
 * per line, blank lines ignored. Every line is parsed on its own, so a bad line (not
 * JSON, truncated, not an object, invalid bytes, longer than the record limit) is one
 * reject and the next line is read normally. A line longer than the limit is skipped
 * without being held in memory. Not thread-safe.
 */
final class JsonLinesCursor implements RecordCursor {

	private final DecodingReader reader;

	private final boolean dynamoDbJson;

	private final int maxRecordSize;

	private final char[] buffer = new char[1 << 16];

	private int position;

	private int limit;

	private long line;

	private final StringBuilder text = new StringBuilder();

	JsonLinesCursor(DecodingReader reader, boolean dynamoDbJson, int maxRecordSize) {
		this.reader = reader;
		this.dynamoDbJson = dynamoDbJson;
		this.maxRecordSize = maxRecordSize;
	}

	@Override
	public @Nullable FileRecord next() throws IOException {
		while (true) {
			long length = readLine();
			if (length < 0) {
				return null;
			}
			FileRecord.Bad bad = FileRecord.Bad.ofSizeOrEncoding("line", line, line, length, maxRecordSize, reader,
					text::toString);
			if (bad != null) {
				return bad;
			}
			if (!text.toString().isBlank()) {
				return parse(text.toString());
			}
		}
	}

	private FileRecord parse(String json) {
		try (JsonParser parser = JsonValues.FACTORY.createParser(json)) {
			JsonToken first = parser.nextToken();
			if (first != JsonToken.START_OBJECT) {
				return new FileRecord.Bad(line, RejectReason.NOT_AN_OBJECT,
						"the line is " + JsonTokens.kind(first) + ", not a JSON object", json);
			}
			Map<String, @Nullable Object> values = JsonValues.record(parser);
			JsonToken after = parser.nextToken();
			if (after != null) {
				return new FileRecord.Bad(line, RejectReason.MALFORMED_JSON,
						"the line has more after its JSON object (" + JsonTokens.kind(after) + ")", json);
			}
			if (json.indexOf("\\u") >= 0 && JsonValues.hasLoneSurrogate(values)) { // only
																					// escapes
																					// can
																					// make
																					// one
				return new FileRecord.Bad(line, RejectReason.INVALID_ENCODING, JsonValues.LONE_SURROGATE, json);
			}
			return new FileRecord.Values(line, dynamoDbJson ? DynamoDbJson.item(values) : values);
		}
		catch (JacksonException ex) {
			return new FileRecord.Bad(line, RejectReason.MALFORMED_JSON,
					"the line is not valid JSON: " + ex.getOriginalMessage(), json);
		}
		catch (DynamoDbJson.NotFiniteNumberException ex) {
			return new FileRecord.Bad(line, RejectReason.NUMBER_NOT_FINITE, String.valueOf(ex.getMessage()), json);
		}
		catch (IllegalArgumentException ex) {
			return new FileRecord.Bad(line, RejectReason.MALFORMED_JSON,
					"the line is not DynamoDB JSON: " + ex.getMessage(), json);
		}
	}

	/**
	 * Reads the next line into {@link #text} (at most {@code maxRecordSize + 1}
	 * characters are kept) and returns its full length without the line break, or -1 at
	 * the end of the file.
	 */
	private long readLine() throws IOException {
		text.setLength(0);
		long length = 0;
		boolean any = false;
		while (true) {
			if (position == limit) {
				limit = reader.read(buffer, 0, buffer.length);
				position = 0;
				if (limit <= 0) {
					limit = 0;
					if (!any) {
						return -1;
					}
					break;
				}
			}
			any = true;
			int start = position;
			while (position < limit && buffer[position] != '\n') {
				position++;
			}
			int n = position - start;
			int keep = (int) Math.max(0, Math.min(n, maxRecordSize + 1L - text.length()));
			text.append(buffer, start, keep);
			length += n;
			if (position < limit) {
				position++; // the line break
				break;
			}
		}
		line++;
		if (text.length() > 0 && text.charAt(text.length() - 1) == '\r' && length <= maxRecordSize + 1L) {
			text.setLength(text.length() - 1);
			length--;
		}
		return length;
	}

	@Override
	public void close() throws IOException {
		reader.close();
	}

}
