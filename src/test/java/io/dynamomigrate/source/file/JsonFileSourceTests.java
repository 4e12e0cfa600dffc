package io.dynamomigrate.source.file;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.CsvSpec;
import io.dynamomigrate.mapping.model.FileFormat;
import io.dynamomigrate.records.DynamoSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.dynamomigrate.source.file.FileReading.readAll;
import static io.dynamomigrate.source.file.FileReading.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON Lines, JSON arrays and DynamoDB JSON exports, including every kind of bad record.
 */
class JsonFileSourceTests {

	@TempDir
	Path dir;

	@Test
	void jsonLines_numbersAreExactBigDecimals_nestedValuesAreMapsAndLists() throws Exception {
		Path file = write("a.jsonl", "{\"id\": 1, \"price\": 0.1, \"big\": 12345678901234567890.123456789012345678,"
				+ " \"tags\": [\"a\", 2], \"meta\": {\"ok\": true, \"none\": null}}\n");
		FileReading.Outcome record = readAll(spec(file, null)).get(0);
		assertThat(record.get("id")).isEqualTo(new BigDecimal("1"));
		assertThat(record.get("price")).isEqualTo(new BigDecimal("0.1"));
		assertThat(record.get("big")).isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
		assertThat(record.get("tags")).isEqualTo(List.of("a", new BigDecimal("2")));
		@SuppressWarnings("unchecked")
		Map<String, Object> meta = (Map<String, Object>) record.get("meta");
		assertThat(meta).containsEntry("ok", true).containsEntry("none", null);
	}

	@Test
	void jsonLines_everyBadLineIsARejectWithItsLine_andTheRestIsRead() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(("{\"id\": 1}\r\n" // CRLF
				+ "{\"id\": 2, \"name\": \"trunc\n" // truncated
				+ "[1, 2]\n" // not an object
				+ "\n" // blank: not a record
				+ "{\"id\": 5} trailing\n" // text after the object
				+ "{\"id\": 6, \"name\": \"")
			.getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE }); // invalid UTF-8
		bytes.writeBytes(("\"}\n{\"id\": 7, \"pad\": \"" + "x".repeat(300) + "\"}\n" // oversized
				+ "{\"id\": 8}")
			.getBytes(StandardCharsets.UTF_8)); // last line without a line break
		Path file = dir.resolve("a.jsonl");
		Files.write(file, bytes.toByteArray());
		List<FileReading.Outcome> read = readAll(spec(file, null, CsvSpec.DEFAULT, 100));
		assertThat(read).map(Object::toString)
			.containsExactly("1:{id=1}", "2:MALFORMED_JSON", "3:NOT_AN_OBJECT", "5:MALFORMED_JSON",
					"6:INVALID_ENCODING", "7:RECORD_TOO_LARGE", "8:{id=8}");
		assertThat(read.get(1).message()).contains(file + "[line=2]", "not valid JSON", "end-of-input");
		assertThat(read.get(2).message()).contains("an array, not a JSON object");
		assertThat(read.get(5).message()).contains("more than maxRecordSize 100");
	}

	@Test
	void jsonArray_isStreamedElementByElement_withTheLineOfEachElement() throws Exception {
		Path file = write("a.json", "[\n  {\"id\": 1,\n   \"name\": \"a\"},\n  \"text\",\n  {\"id\": 3.50}\n]\n");
		assertThat(readAll(spec(file, null))).map(Object::toString)
			.containsExactly("2:{id=1, name=a}", "4:NOT_AN_OBJECT", "5:{id=3.50}");
	}

	@Test
	void jsonArray_truncated_isARejectAtTheLineWhereItBreaks() throws Exception {
		Path file = write("a.json", "[\n{\"id\": 1},\n{\"id\": 2},\n{\"id\": 3, \"name\": \"cut");
		List<FileReading.Outcome> read = readAll(spec(file, null));
		assertThat(read).map(Object::toString).containsExactly("2:{id=1}", "3:{id=2}", "4:MALFORMED_JSON");
		assertThat(read.get(2).message()).contains("the rest of the file cannot be read");
	}

	@Test
	void jsonArray_invalidUtf8AndOversizedElements_areRejected_andTheNextElementIsRead() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("[{\"id\": 1, \"name\": \"".getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(new byte[] { (byte) 0xE2, (byte) 0x28, (byte) 0xA1 });
		bytes.writeBytes(("\"},\n{\"id\": 2, \"pad\": \"" + "y".repeat(200) + "\"},\n{\"id\": 3}]")
			.getBytes(StandardCharsets.UTF_8));
		Path file = dir.resolve("a.json");
		Files.write(file, bytes.toByteArray());
		assertThat(readAll(spec(file, null, CsvSpec.DEFAULT, 100))).map(Object::toString)
			.containsExactly("1:INVALID_ENCODING", "2:RECORD_TOO_LARGE", "3:{id=3}");
	}

	@Test
	void jsonFileThatIsNotAnArray_isOneReject() throws Exception {
		Path file = write("a.json", "{\"id\": 1}\n");
		assertThat(readAll(spec(file, null))).map(Object::toString).containsExactly("1:NOT_AN_OBJECT");
	}

	@Test
	void dynamoDbJsonExport_keepsEveryDeclaredType() throws Exception {
		Path file = write("export.json",
				"{\"Item\":{\"pk\":{\"S\":\"USER#1\"},\"n\":{\"N\":\"12345678901234567890.5\"},"
						+ "\"b\":{\"B\":\"AAEC\"},\"ok\":{\"BOOL\":false},\"nothing\":{\"NULL\":true},"
						+ "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},"
						+ "\"l\":{\"L\":[{\"S\":\"x\"},{\"N\":\"3\"}]},\"m\":{\"M\":{\"k\":{\"S\":\"v\"}}}}}\n");
		FileReading.Outcome record = readAll(spec(file, FileFormat.DDB_JSON)).get(0);
		assertThat(record.get("pk")).isEqualTo("USER#1");
		assertThat(record.get("n")).isEqualTo(new BigDecimal("12345678901234567890.5"));
		assertThat((byte[]) record.get("b")).containsExactly(0, 1, 2);
		assertThat(record.get("ok")).isEqualTo(false);
		assertThat(record.values()).containsEntry("nothing", io.dynamomigrate.records.JsonNull.VALUE);
		assertThat(record.get("ss")).isEqualTo(new DynamoSet(AttributeType.SS, List.of("a", "b")));
		assertThat(record.get("ns"))
			.isEqualTo(new DynamoSet(AttributeType.NS, List.of(new BigDecimal("1"), new BigDecimal("2.5"))));
		assertThat(record.get("l")).isEqualTo(List.of("x", new BigDecimal("3")));
		assertThat(record.get("m")).isEqualTo(Map.of("k", "v"));
	}

	@Test
	void dynamoDbJson_linesThatAreNotTypedItemsAreRejected() throws Exception {
		Path file = write("export.json", "{\"Item\":{\"id\":{\"N\":\"1\"}}}\n{\"id\": 2}\n"
				+ "{\"Item\":{\"id\":{\"N\":\"two\"}}}\n{\"Item\":{\"id\":{\"X\":\"1\"}}}\n{\"Item\":{\"id\":{\"N\":\"4\"}}}\n");
		List<FileReading.Outcome> read = readAll(spec(file, FileFormat.DDB_JSON));
		assertThat(read).map(Object::toString)
			.containsExactly("1:{id=1}", "2:MALFORMED_JSON", "3:MALFORMED_JSON", "4:MALFORMED_JSON", "5:{id=4}");
		assertThat(read.get(1).message()).contains("no \"Item\" object");
		assertThat(read.get(2).message()).contains("Item.id is not a number");
		assertThat(read.get(3).message()).contains("unknown type \"X\"");
	}

	@Test
	void gzipCompressedJsonLinesAndArrays() throws Exception {
		Path lines = dir.resolve("a.jsonl.gz");
		Files.write(lines, Gzip.compress("{\"id\": 1}\n{\"id\": 2}\n"));
		Path array = dir.resolve("b.json.gz");
		Files.write(array, Gzip.compress("[{\"id\": 3}]"));
		assertThat(readAll(spec(lines, null))).map(Object::toString).containsExactly("1:{id=1}", "2:{id=2}");
		assertThat(readAll(spec(array, null))).map(Object::toString).containsExactly("1:{id=3}");
	}

	private Path write(String name, String content) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

}
