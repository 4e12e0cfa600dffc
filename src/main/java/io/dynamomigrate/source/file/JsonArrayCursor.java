package io.dynamomigrate.source.file;

import java.io.IOException;
import java.util.Map;

import io.dynamomigrate.records.JsonValues;
import io.dynamomigrate.records.RejectReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;

/**
 * A JSON array of objects, streamed element by element with Jackson's streaming parser:
 * only one element is in memory at a time. An element that is not an object, is longer
 * than the record limit or has invalid bytes is a reject and the next element is read. A
 * syntax error (including a truncated file) is one reject at its line and ends the file,
 * because a JSON parser cannot find the next element after it. Not thread-safe.
 */
final class JsonArrayCursor implements RecordCursor {

	private final DecodingReader reader;

	private final JsonParser parser;

	private final int maxRecordSize;

	private boolean started;

	private boolean finished;

	JsonArrayCursor(DecodingReader reader, int maxRecordSize) {
		this.reader = reader;
		this.parser = JsonValues.FACTORY.createParser(reader);
		this.maxRecordSize = maxRecordSize;
	}

	@Override
	public @Nullable FileRecord next() throws IOException {
		if (finished) {
			return null;
		}
		long line = parser.currentLocation().getLineNr();
		try {
			if (!started) {
				started = true;
				JsonToken first = parser.nextToken();
				if (first == null) {
					finished = true;
					return null;
				}
				if (first != JsonToken.START_ARRAY) {
					finished = true;
					return new FileRecord.Bad(parser.currentTokenLocation().getLineNr(), RejectReason.NOT_AN_OBJECT,
							"the file is " + JsonTokens.kind(first) + ", not a JSON array of objects (for one object "
									+ "per line use format: jsonl)",
							"");
				}
			}
			JsonToken token = parser.nextToken();
			line = parser.currentTokenLocation().getLineNr();
			if (token == JsonToken.END_ARRAY) {
				finished = true;
				JsonToken after = parser.nextToken();
				return after == null ? null : new FileRecord.Bad(parser.currentTokenLocation().getLineNr(),
						RejectReason.MALFORMED_JSON, "the file has more after its JSON array", "");
			}
			long start = parser.currentTokenLocation().getCharOffset();
			if (token != JsonToken.START_OBJECT) {
				String excerpt = token.isScalarValue() ? parser.getText() : "";
				parser.skipChildren();
				return new FileRecord.Bad(line, RejectReason.NOT_AN_OBJECT,
						"the array element is " + JsonTokens.kind(token) + ", not a JSON object", excerpt);
			}
			Map<String, @Nullable Object> values = JsonValues.record(parser);
			long size = parser.currentLocation().getCharOffset() - start;
			long last = parser.currentLocation().getLineNr();
			FileRecord.Bad bad = FileRecord.Bad.ofSizeOrEncoding("object", line, last, size, maxRecordSize, reader,
					values::toString);
			if (bad != null) {
				return bad;
			}
			if (JsonValues.hasLoneSurrogate(values)) {
				return new FileRecord.Bad(line, RejectReason.INVALID_ENCODING, JsonValues.LONE_SURROGATE,
						JsonValues.escapeLoneSurrogates(values.toString()));
			}
			return new FileRecord.Values(line, values);
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
		catch (JacksonException ex) {
			finished = true;
			long at = ex.getLocation() != null ? ex.getLocation().getLineNr() : line;
			return new FileRecord.Bad(at, RejectReason.MALFORMED_JSON,
					"not valid JSON, the rest of the file " + "cannot be read: " + ex.getOriginalMessage(), "");
		}
	}

	@Override
	public void close() throws IOException {
		parser.close();
		reader.close();
	}

}
