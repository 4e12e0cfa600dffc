package io.dynamomigrate.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.CsvSpec;
import io.dynamomigrate.records.RejectReason;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;

/**
 * CSV per RFC 4180 with Apache Commons CSV: quoted fields with doubled quotes and
 * embedded line breaks, a custom delimiter and quote, column names from a header row or
 * from the mapping. Every value is text; an empty unquoted field is null and {@code ""}
 * is an empty string. Blank lines are ignored. A row with another number of fields than
 * there are columns, a row with invalid bytes, or a row longer than the record limit is a
 * reject and the next row is read; a quoting error (a quote that is never closed) is one
 * reject and ends the file. Not thread-safe.
 */
final class CsvCursor implements RecordCursor {

	private final DecodingReader reader;

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final List<String> columns;

	private final int maxRecordSize;

	/** The last line of the previous record (or of the header). */
	private long previousEnd;

	private boolean finished;

	CsvCursor(DecodingReader reader, CsvSpec csv, int maxRecordSize) throws IOException {
		this.reader = reader;
		this.maxRecordSize = maxRecordSize;
		CSVFormat.Builder format = CSVFormat.RFC4180.builder()
			.setDelimiter(csv.delimiter())
			.setQuote(csv.quote())
			.setNullString("")
			.setQuoteMode(QuoteMode.ALL_NON_NULL)
			.setIgnoreEmptyLines(false);
		if (!csv.columns().isEmpty()) {
			format.setHeader(csv.columns().toArray(String[]::new)).setSkipHeaderRecord(csv.header());
		}
		else {
			format.setHeader().setSkipHeaderRecord(true);
		}
		try {
			this.parser = CSVParser.builder().setReader(reader).setFormat(format.get()).get();
		}
		catch (IllegalArgumentException ex) {
			reader.close();
			throw new IOException(
					"the CSV header cannot be used: " + ex.getMessage()
							+ " (give the columns in the mapping with `csv.columns` and `header: true` to replace it)",
					ex);
		}
		this.columns = new ArrayList<>(parser.getHeaderNames());
		this.records = parser.iterator();
		this.previousEnd = parser.getCurrentLineNumber();
	}

	@Override
	public @Nullable FileRecord next() throws IOException {
		while (!finished) {
			long line = previousEnd + 1;
			CSVRecord record;
			try {
				if (!records.hasNext()) {
					finished = true;
					return null;
				}
				record = records.next();
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				finished = true;
				String message = ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage();
				return new FileRecord.Bad(line, RejectReason.MALFORMED_CSV,
						"not valid CSV, the rest of the file cannot be read: " + message, "");
			}
			long end = Math.max(line, parser.getCurrentLineNumber());
			previousEnd = end;
			if (record.size() == 1 && record.get(0) == null && columns.size() != 1) {
				continue; // a blank line
			}
			FileRecord result = check(record, line, end);
			if (result != null) {
				return result;
			}
			Map<String, @Nullable Object> values = new LinkedHashMap<>();
			for (int i = 0; i < columns.size(); i++) {
				values.put(columns.get(i), record.get(i));
			}
			return new FileRecord.Values(line, values);
		}
		return null;
	}

	private FileRecord.@Nullable Bad check(CSVRecord record, long line, long end) {
		long size = 0;
		for (String value : record) {
			size += value == null ? 0 : value.length() + 1;
		}
		String excerpt = String.join(",", record.stream().map(String::valueOf).toList());
		if (size > maxRecordSize) {
			return new FileRecord.Bad(line, RejectReason.RECORD_TOO_LARGE,
					"the row has " + size + " characters, more than maxRecordSize " + maxRecordSize, excerpt);
		}
		if (reader.malformed(line, end)) {
			return new FileRecord.Bad(line, RejectReason.INVALID_ENCODING,
					"the row has bytes that are not valid in the file's encoding (shown as \uFFFD)", excerpt);
		}
		if (record.size() != columns.size()) {
			return new FileRecord.Bad(line, RejectReason.RAGGED_ROW,
					"the row has " + record.size() + " fields, but there are " + columns.size() + " columns " + columns,
					excerpt);
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}

}
