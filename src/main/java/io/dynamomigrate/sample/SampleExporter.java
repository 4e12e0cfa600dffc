package io.dynamomigrate.sample;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dynamomigrate.transform.Values;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Exports the sample music database to {@code sample-sources/csv/
 *
<table>
 * .csv} and {@code sample-sources/jsonl/
 *
<table>
 * .jsonl}, deterministically (rows in key order, columns in table order), so that the
 * file-source mappings can be checked against the JDBC mappings. Values are written as
 * the JDBC mappings render them: numbers exactly (plain digits), timestamps as ISO-8601
 * UTC text with milliseconds, dates as {@code yyyy-MM-dd}, binary as base64. In CSV every
 * non-null value is quoted and null is an empty unquoted field; in JSON Lines numbers and
 * booleans are JSON numbers and booleans, and a null column is left out (a JSON
 * {@code null} would be a value, the DynamoDB NULL). Thread-safe.
 *
 * <p>
 * Regenerate with
 * {@code java -cp target/dynamo-migrate.jar -Dloader.main=io.dynamomigrate.sample.SampleExporter
 * org.springframework.boot.loader.launch.PropertiesLauncher sample-sources}, or run
 * {@link #main} from the IDE.
 */
public final class SampleExporter {

	/** The sample tables and their keys. */
	private static final Map<String, String> TABLES = Map.of("artists", "artist_id", "albums", "album_id", "tracks",
			"track_id", "users", "user_id", "playlists", "playlist_id", "playlist_tracks", "playlist_id, position",
			"plays", "play_id");

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
		.setRecordSeparator("\n")
		.setNullString("")
		.setQuoteMode(QuoteMode.ALL_NON_NULL)
		.get();

	private static final JsonFactory JSON = JsonFactory.builder().rootValueSeparator("").build();

	private SampleExporter() {
	}

	/**
	 * Loads the sample into an in-memory H2 database and exports it under the given
	 * directory.
	 */
	public static void main(String[] args) throws Exception {
		Path root = Path.of(args.length > 0 ? args[0] : "sample-sources");
		try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:sample-export", "sa", "")) {
			SampleDatabase.load(h2);
			export(h2, root.resolve("csv"), root.resolve("jsonl"));
		}
	}

	/**
	 * Writes every sample table of the database as CSV into {@code csvDirectory} and JSON
	 * Lines into the other.
	 */
	public static void export(Connection connection, Path csvDirectory, Path jsonlDirectory)
			throws SQLException, IOException {
		Files.createDirectories(csvDirectory);
		Files.createDirectories(jsonlDirectory);
		for (String table : List.of("artists", "albums", "tracks", "users", "playlists", "playlist_tracks", "plays")) {
			String key = TABLES.get(table);
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY " + key);
					Writer csv = Files.newBufferedWriter(csvDirectory.resolve(table + ".csv"), StandardCharsets.UTF_8);
					CSVPrinter printer = new CSVPrinter(csv, CSV);
					JsonGenerator json = JSON.createGenerator(Files
						.newBufferedWriter(jsonlDirectory.resolve(table + ".jsonl"), StandardCharsets.UTF_8))) {
				List<String> columns = columns(rs.getMetaData());
				printer.printRecord(columns);
				while (rs.next()) {
					List<@Nullable String> texts = new ArrayList<>();
					json.writeStartObject();
					for (int i = 1; i <= columns.size(); i++) {
						Object value = value(rs, i, rs.getMetaData().getColumnType(i));
						texts.add(value == null ? null : Values.text(value));
						if (value != null) { // SQL NULL is a missing field: a JSON null
												// would be a value (NULL)
							json.writeName(columns.get(i - 1));
							writeJson(json, value);
						}
					}
					json.writeEndObject();
					json.writeRaw('\n');
					printer.printRecord(texts);
				}
			}
		}
	}

	private static List<String> columns(ResultSetMetaData meta) throws SQLException {
		List<String> columns = new ArrayList<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
		}
		return columns;
	}

	private static @Nullable Object value(ResultSet rs, int i, int sqlType) throws SQLException {
		Object value = switch (sqlType) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL ->
				rs.getBigDecimal(i);
			case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
			case Types.DATE -> rs.getObject(i, LocalDate.class);
			case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
			case Types.BINARY, Types.VARBINARY -> rs.getBytes(i);
			default -> rs.getString(i);
		};
		return rs.wasNull() ? null : value;
	}

	private static void writeJson(JsonGenerator json, @Nullable Object value) {
		if (value == null) {
			json.writeNull();
		}
		else if (value instanceof BigDecimal number) {
			json.writeNumber(number.toPlainString());
		}
		else if (value instanceof Boolean bool) {
			json.writeBoolean(bool);
		}
		else {
			json.writeString(Values.text(value));
		}
	}

}
