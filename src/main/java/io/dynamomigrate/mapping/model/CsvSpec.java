package io.dynamomigrate.mapping.model;

import java.util.List;

/**
 * How a CSV file source is parsed (RFC 4180).
 *
 * @param delimiter the field separator (one character, default {@code ,})
 * @param quote the quote character (one character, default {@code "}); a quote inside a
 * quoted field is doubled
 * @param header whether the first record names the columns (default true)
 * @param columns column names; without a header they are required, with a header they
 * replace its names
 * @param encoding the files' character encoding (default UTF-8; a UTF-8 byte order mark
 * is skipped)
 */
public record CsvSpec(char delimiter, char quote, boolean header, List<String> columns, String encoding) {

	/** The defaults: comma, double quote, header row, UTF-8. */
	public static final CsvSpec DEFAULT = new CsvSpec(',', '"', true, List.of(), "UTF-8");

	public CsvSpec {
		columns = List.copyOf(columns);
	}

}
