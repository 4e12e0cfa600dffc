package io.dynamomigrate.mapping.yaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.CsvSpec;
import io.dynamomigrate.mapping.model.FileFormat;
import io.dynamomigrate.mapping.model.FileSourceSpec;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an item definition's {@code source} ({@link SourceSpec}): a database table or
 * query with its key, or a file with its format, CSV options and record size limit. Not
 * thread-safe (one instance per file).
 */
final class ItemSourceReader extends SectionReader {

	private static final Set<String> ITEM_SOURCE = YamlNodes.keys("table", "query", "key", "where", "file", "format",
			"csv", "maxRecordSize", "s3EndpointUrl");

	private static final Set<String> CSV = YamlNodes.keys("delimiter", "quote", "header", "columns", "encoding");

	private final Path file;

	ItemSourceReader(YamlNodes yaml, Problems problems, Locations locations, Path file) {
		super(yaml, problems, locations);
		this.file = file;
	}

	/**
	 * The source of the item definition at {@code item}; a placeholder when it has none.
	 */
	SourceSpec itemSource(@Nullable Node node, Node item) {
		if (node == null) {
			problems.add(YamlNodes.location(item), ProblemCode.MISSING_KEY, "The item definition has no `source`.",
					"Add `source: { table: my_table, key: [id] }`.");
			return new SourceSpec(null, null, List.of(), null, YamlNodes.location(item));
		}
		Map<String, Node> fields = yaml.fields(node, "source", ITEM_SOURCE);
		String table = yaml.text(fields.get("table"), "source.table");
		String query = yaml.text(fields.get("query"), "source.query");
		List<String> key = yaml.texts(fields.get("key"), "source.key");
		String where = yaml.text(fields.get("where"), "source.where");
		FileSourceSpec fileSource = fields.containsKey("file") ? fileSource(fields) : null;
		if (fileSource == null) {
			for (String option : List.of("format", "csv", "maxRecordSize")) {
				if (fields.containsKey(option)) {
					problems.add(YamlNodes.location(fields.get(option)), ProblemCode.WRONG_VALUE,
							"`source." + option + "` is for file sources only.",
							"Add `file:` or remove `" + option + "`.");
				}
			}
		}
		return new SourceSpec(table, query, key, where, YamlNodes.location(node), fileSource);
	}

	/**
	 * {@code file}, {@code format}, {@code csv} and {@code maxRecordSize} of a file
	 * source.
	 */
	private FileSourceSpec fileSource(Map<String, Node> fields) {
		String path = yaml.text(fields.get("file"), "source.file");
		FileFormat format = fields.containsKey("format")
				? yaml.choice(fields.get("format"), "source.format", FileFormat.class) : null;
		CsvSpec csv = CsvSpec.DEFAULT;
		Node csvNode = fields.get("csv");
		if (csvNode != null) {
			Map<String, Node> options = yaml.fields(csvNode, "source.csv", CSV);
			char delimiter = character(options.get("delimiter"), "csv.delimiter", ',');
			char quote = character(options.get("quote"), "csv.quote", '"');
			String header = yaml.text(options.get("header"), "csv.header");
			if (header != null && !header.equals("true") && !header.equals("false")) {
				problems.add(YamlNodes.location(options.get("header")), ProblemCode.WRONG_VALUE,
						"csv.header is `true` or `false`, not `" + header + "`.",
						"Write `header: false` and `columns: [...]` for a file without a header row.");
			}
			String encoding = yaml.text(options.get("encoding"), "csv.encoding");
			csv = new CsvSpec(delimiter, quote, !"false".equals(header),
					yaml.texts(options.get("columns"), "csv.columns"), encoding == null ? "UTF-8" : encoding);
			locations.put(csv, csvNode);
		}
		int maxRecordSize = (int) yaml.number(fields.get("maxRecordSize"), "maxRecordSize",
				FileSourceSpec.DEFAULT_MAX_RECORD_SIZE, 1, Integer.MAX_VALUE - 8);
		String s3EndpointUrl = yaml.text(fields.get("s3EndpointUrl"), "source.s3EndpointUrl");
		return locations.put(
				new FileSourceSpec(path == null ? "" : path, folder(file), format, csv, maxRecordSize, s3EndpointUrl),
				fields.get("file"));
	}

	private char character(@Nullable Node node, String what, char defaultValue) {
		String text = yaml.text(node, what);
		if (text == null) {
			return defaultValue;
		}
		if (text.length() != 1) {
			problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE,
					what + " must be one character, not `" + text + "`.",
					"Write it quoted, e.g. `\";\"`, or `\"\\t\"` for a tab.");
			return defaultValue;
		}
		return text.charAt(0);
	}

}
