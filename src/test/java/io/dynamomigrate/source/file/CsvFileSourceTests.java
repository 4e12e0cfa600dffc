package io.dynamomigrate.source.file;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.dynamomigrate.mapping.model.CsvSpec;
import io.dynamomigrate.mapping.model.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.dynamomigrate.source.file.FileReading.readAll;
import static io.dynamomigrate.source.file.FileReading.spec;
import static org.assertj.core.api.Assertions.assertThat;

class CsvFileSourceTests {

	@TempDir
	Path dir;

	@Test
	void rfc4180_quotedFields_doubledQuotes_embeddedLineBreaks_andLinesOfFollowingRecords() throws Exception {
		Path file = write("a.csv",
				"id,name,note\r\n1,\"Smith, Jo\",\"said \"\"hi\"\"\"\r\n2,\"two\r\nlines\",x\r\n" + "3,plain,\r\n");
		List<FileReading.Outcome> read = readAll(spec(file, null));
		assertThat(read).extracting(FileReading.Outcome::line).containsExactly(2L, 3L, 5L);
		assertThat(read.get(0).values()).containsExactly(entry("id", "1"), entry("name", "Smith, Jo"),
				entry("note", "said \"hi\""));
		assertThat(read.get(1).get("name")).isEqualTo("two\r\nlines");
		assertThat(read.get(2).values()).containsEntry("note", null);
		assertThat(read.get(0).file()).isEqualTo(file.toString());
	}

	@Test
	void emptyUnquotedFieldIsNull_quotedEmptyFieldIsEmptyText_blankLinesAreIgnored() throws Exception {
		Path file = write("a.csv", "id,a,b\n1,,\"\"\n\n2,x,y\n");
		List<FileReading.Outcome> read = readAll(spec(file, null));
		assertThat(read).hasSize(2);
		assertThat(read.get(0).values()).containsEntry("a", null).containsEntry("b", "");
		assertThat(read.get(1).line()).isEqualTo(4);
	}

	@Test
	void utf8ByteOrderMarkIsSkipped() throws Exception {
		Path file = write("a.csv", "\uFEFFid,name\n1,Zoë\n");
		assertThat(readAll(spec(file, null)).get(0).values()).containsExactly(entry("id", "1"), entry("name", "Zoë"));
	}

	@Test
	void customDelimiterAndQuote_declaredColumnsWithoutHeader_otherEncoding() throws Exception {
		Path file = dir.resolve("a.txt");
		Files.write(file, "1;'a;b';Café\n2;'it''s';x\n".getBytes(StandardCharsets.ISO_8859_1));
		CsvSpec csv = new CsvSpec(';', '\'', false, List.of("id", "name", "place"), "ISO-8859-1");
		List<FileReading.Outcome> read = readAll(spec(file, FileFormat.CSV, csv, 1000));
		assertThat(read).extracting(FileReading.Outcome::line).containsExactly(1L, 2L);
		assertThat(read.get(0).values()).containsExactly(entry("id", "1"), entry("name", "a;b"),
				entry("place", "Café"));
		assertThat(read.get(1).get("name")).isEqualTo("it's");
	}

	@Test
	void declaredColumnsReplaceTheHeaderRow() throws Exception {
		Path file = write("a.csv", "ID,Full Name\n7,Ann\n");
		CsvSpec csv = new CsvSpec(',', '"', true, List.of("id", "name"), "UTF-8");
		assertThat(readAll(spec(file, null, csv, 1000)).get(0).values()).containsExactly(entry("id", "7"),
				entry("name", "Ann"));
	}

	@Test
	void raggedRows_areRejectsWithTheirLine_andTheRestIsRead() throws Exception {
		Path file = write("a.csv", "id,name\n1,a\n2,b,extra\n3\n4,d\n");
		List<FileReading.Outcome> read = readAll(spec(file, null));
		assertThat(read).map(Object::toString)
			.containsExactly("2:{id=1, name=a}", "3:RAGGED_ROW", "4:RAGGED_ROW", "5:{id=4, name=d}");
		assertThat(read.get(1).message()).contains("[line=3]", "3 fields", "2 columns");
	}

	@Test
	void invalidUtf8_rejectsOnlyThatRow() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("id,name\n1,ok\n2,\"bad ".getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28 });
		bytes.writeBytes("\nstill bad\"\n3,fine\n".getBytes(StandardCharsets.UTF_8));
		Path file = dir.resolve("a.csv");
		Files.write(file, bytes.toByteArray());
		assertThat(readAll(spec(file, null))).map(Object::toString)
			.containsExactly("2:{id=1, name=ok}", "3:INVALID_ENCODING", "5:{id=3, name=fine}");
	}

	@Test
	void oversizedRow_isRejected() throws Exception {
		Path file = write("a.csv", "id,text\n1," + "x".repeat(200) + "\n2,short\n");
		assertThat(readAll(spec(file, null, CsvSpec.DEFAULT, 100))).map(Object::toString)
			.containsExactly("2:RECORD_TOO_LARGE", "3:{id=2, text=short}");
	}

	@Test
	void unclosedQuote_isOneRejectAtItsLine_andEndsTheFile() throws Exception {
		Path file = write("a.csv", "id,name\n1,a\n2,\"never closed\n3,c\n");
		List<FileReading.Outcome> read = readAll(spec(file, null));
		assertThat(read).map(Object::toString).containsExactly("2:{id=1, name=a}", "3:MALFORMED_CSV");
		assertThat(read.get(1).message()).contains("the rest of the file cannot be read");
	}

	@Test
	void gzipCompressedCsv_isDetectedByItsExtension() throws Exception {
		Path file = dir.resolve("a.csv.gz");
		Files.write(file, Gzip.compress("id,name\n1,a\n2,b\n"));
		assertThat(readAll(spec(file, null))).map(Object::toString)
			.containsExactly("2:{id=1, name=a}", "3:{id=2, name=b}");
	}

	private Path write(String name, String content) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
		return java.util.Map.entry(key, value);
	}

}
