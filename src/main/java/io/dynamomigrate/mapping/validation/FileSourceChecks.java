package io.dynamomigrate.mapping.validation;

import java.util.function.Function;

import io.dynamomigrate.mapping.model.CsvSpec;
import io.dynamomigrate.mapping.model.FileFormat;
import io.dynamomigrate.mapping.model.FileSourceSpec;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.SourceSpec;

/**
 * Checks a file source: either a file or a table/query, a path whose format is known, CSV
 * options that can be parsed, and key columns. Stateless.
 */
final class FileSourceChecks {

	private FileSourceChecks() {
	}

	static void check(Problems problems, Function<Object, Location> where, SourceSpec source, FileSourceSpec file) {
		Location at = where.apply(file) != Location.NONE ? where.apply(file) : source.location();
		if (source.table() != null || source.query() != null || source.where() != null) {
			problems.add(at, ProblemCode.WRONG_VALUE, "A source reads either `file` or a `table`/`query`, not both.",
					"Remove `table`, `query` and `where`, or remove `file`.");
		}
		if (file.path().isBlank()) {
			problems.add(at, ProblemCode.MISSING_KEY, "source.file is empty.",
					"Write a file, a directory or a glob, relative to the mapping file, e.g. `file: exports/*.csv`.");
		}
		else if (file.format() == null && !file.isS3() && !file.path().matches(".*[*?\\[{].*")
				&& !java.nio.file.Files.isDirectory(file.base().resolve(file.path()))
				&& FileFormat.fromFileName(file.path()) == null) {
			problems.add(at, ProblemCode.MISSING_KEY,
					"The format of `" + file.path() + "` is not known from its extension.",
					"Declare `format: csv | json | jsonl | ddb-json`.");
		}
		CsvSpec csv = file.csv();
		if (csv.delimiter() == csv.quote() || csv.delimiter() == '\n' || csv.delimiter() == '\r') {
			problems.add(where.apply(csv), ProblemCode.WRONG_VALUE,
					"csv.delimiter must differ from the quote and from " + "line breaks.",
					"Use e.g. `delimiter: \";\"` or `delimiter: \"\\t\"`.");
		}
		if (!csv.header() && csv.columns().isEmpty()) {
			problems.add(where.apply(csv), ProblemCode.MISSING_KEY,
					"A CSV source without a header row needs `columns`.",
					"Add `columns: [id, name, ...]` in file order, or set `header: true`.");
		}
		if (!knownCharset(csv.encoding())) {
			problems.add(where.apply(csv), ProblemCode.WRONG_VALUE,
					"csv.encoding `" + csv.encoding() + "` is not a known character set.",
					"Use e.g. UTF-8, ISO-8859-1 or windows-1252.");
		}
		if (source.key().isEmpty()) {
			problems.add(source.location(), ProblemCode.MISSING_KEY, "The source has no `key` columns.",
					"Add `key: [id]` with the columns that identify a record (positions are file and line).");
		}
	}

	private static boolean knownCharset(String name) {
		try {
			return java.nio.charset.Charset.isSupported(name);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
