package io.dynamomigrate.mapping;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a mapping file into a {@link MappingSpec}, collecting every problem (with file:line:column and a fix)
 * before failing with {@link InvalidMappingException}. The YAML is composed into nodes only, never constructed
 * into Java objects, so a file cannot instantiate classes. Thread-safe.
 */
public final class MappingLoader {

	static final int DEFAULT_CHUNK_SIZE = 500;

	static final int DEFAULT_MAX_ELEMENTS = 1000;

	private static final Set<String> ROOT = YamlNodes.keys("name", "source", "dynamodb", "tables", "items");

	private static final Set<String> SOURCE = YamlNodes.keys("url", "user", "password", "init");

	private static final Set<String> DYNAMODB = YamlNodes.keys("endpoint", "region");

	private static final Set<String> TABLE = YamlNodes.keys("name", "partitionKey", "sortKey", "billingMode",
			"readCapacity", "writeCapacity", "globalSecondaryIndexes", "writeBudget");

	private static final Set<String> KEY = YamlNodes.keys("name", "type");

	private static final Set<String> INDEX = YamlNodes.keys("name", "partitionKey", "sortKey", "projection");

	private static final Set<String> ITEM = YamlNodes.keys("name", "table", "source", "attributes", "embed",
			"onDuplicateKey", "chunkSize", "maxRejects", "filter", "unmappedColumns", "optionalIndexKeys",
			"partitions", "incremental", "deletes");

	private static final Set<String> ITEM_SOURCE = YamlNodes.keys("table", "query", "key", "where", "file", "format", "csv",
			"maxRecordSize", "s3EndpointUrl");

	private static final Set<String> CSV = YamlNodes.keys("delimiter", "quote", "header", "columns", "encoding");

	private static final Set<String> EMBED = YamlNodes.keys("name", "table", "parentColumns", "childColumns", "orderBy",
			"attributes", "maxElements", "as", "key");

	private static final Set<String> ENV = YamlNodes.keys("env", "default");

	private final UnaryOperator<String> environment;

	private final TemplateParser templates = new TemplateParser();

	/** A loader that resolves {@code {env: NAME}} values from the process environment. */
	public MappingLoader() {
		this(System::getenv);
	}

	/** A loader that resolves {@code {env: NAME}} values with the given function (null = not set). */
	public MappingLoader(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	/** Reads and checks a mapping file. */
	public MappingSpec load(Path file) {
		Problems problems = new Problems(file);
		MappingSpec spec = read(file, problems);
		problems.throwIfAny();
		return Objects.requireNonNull(spec, "no mapping without a problem");
	}

	/** Reads and checks mapping text; {@code file} names it in messages and anchors relative paths. */
	public MappingSpec load(Path file, String content) {
		Problems problems = new Problems(file);
		MappingSpec spec = read(file, content, problems);
		problems.throwIfAny();
		return Objects.requireNonNull(spec, "no mapping without a problem");
	}

	/**
	 * Reads and checks a mapping file as far as it can, adding every problem to {@code problems} instead of
	 * failing: the mapping with what could be read (parts with problems may be missing or placeholders), or null
	 * when the file cannot be read or is not YAML. For reporting every problem at once ({@code validate} adds the
	 * source database's); run nothing with a mapping that has problems.
	 */
	public @Nullable MappingSpec read(Path file, Problems problems) {
		String content;
		try {
			long bytes = Files.size(file);
			if (bytes > 4L * YamlLimits.MAX_CHARACTERS) { // not read: more characters than allowed, however encoded
				problems.add(Location.NONE, ProblemCode.YAML_SYNTAX, "The mapping file has " + YamlLimits.count(bytes)
						+ " bytes; a mapping may have at most " + YamlLimits.count(YamlLimits.MAX_CHARACTERS)
						+ " characters.", "Split it into several mappings.");
				return null;
			}
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			problems.add(Location.NONE, ProblemCode.YAML_SYNTAX, "Cannot read the mapping file: " + ex.getMessage()
					+ ".", "Check the path and that the file is readable.");
			return null;
		}
		return read(file, content, problems);
	}

	private @Nullable MappingSpec read(Path file, String content, Problems problems) {
		Node root = compose(content, problems);
		if (root == null) {
			return null;
		}
		Reading reading = new Reading(file, problems);
		MappingSpec spec = reading.mapping(root, checksum(content));
		new MappingValidator(problems, reading.locations).validate(spec);
		return spec;
	}

	private static @Nullable Node compose(String content, Problems problems) {
		if (!YamlLimits.check(content, problems)) {
			return null;
		}
		try (Reader reader = new StringReader(content)) {
			Node node = new Yaml(YamlLimits.options()).compose(reader);
			if (node == null) {
				problems.add(Location.NONE, ProblemCode.MISSING_KEY, "The mapping file is empty.",
						"Start from one of the files in mappings/.");
			}
			return node;
		}
		catch (MarkedYAMLException ex) {
			var mark = ex.getProblemMark();
			problems.add(mark == null ? Location.NONE : new Location(mark.getLine() + 1, mark.getColumn() + 1),
					ProblemCode.YAML_SYNTAX, "Not valid YAML: " + ex.getProblem() + ".",
					"Check indentation and quoting near this position; quote values that contain `: ` or `#`.");
			return null;
		}
		catch (ReaderException ex) { // a character YAML does not allow (control characters)
			problems.add(position(content, ex.getPosition()), ProblemCode.YAML_SYNTAX,
					"Not valid YAML: the character " + String.format("U+%04X", ex.getCodePoint())
							+ " is not allowed.", "Remove the character or write it as an escape in a quoted value.");
			return null;
		}
		catch (YAMLException ex) { // limits without a position: too many aliases, too deep nesting
			problems.add(Location.NONE, ProblemCode.YAML_SYNTAX, "Not valid YAML: " + ex.getMessage() + ".",
					"Write the values out instead of using many aliases (*name) or deeply nested lists and maps.");
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The line and column of a code point offset in the content. */
	private static Location position(String content, int codePointOffset) {
		int end = content.offsetByCodePoints(0, Math.min(codePointOffset, content.codePointCount(0, content.length())));
		int lineStart = content.lastIndexOf('\n', end - 1) + 1;
		int line = (int) content.substring(0, end).chars().filter((c) -> c == '\n').count() + 1;
		return new Location(line, content.codePointCount(lineStart, end) + 1);
	}

	static String checksum(String content) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}


	/** The state of reading one file. */
	private final class Reading {

		private final Path file;

		private final Problems problems;

		private final YamlNodes yaml;

		private final AttributeReader attributeReader;

		private final ChangeReader changeReader;

		/** Where each table, key, index, item and attribute was written, for the validator's messages. */
		final Map<Object, Location> locations = new IdentityHashMap<>();

		Reading(Path file, Problems problems) {
			this.file = file;
			this.problems = problems;
			this.yaml = new YamlNodes(problems);
			this.attributeReader = new AttributeReader(yaml, problems, templates, locations);
			this.changeReader = new ChangeReader(yaml, problems, attributeReader);
		}

		MappingSpec mapping(Node root, String checksum) {
			Map<String, Node> fields = yaml.fields(root, "the mapping", ROOT);
			String name = yaml.required(fields, "name", root, "The mapping");
			if (fields.get("name") != null) {
				locations.put(file, YamlNodes.location(fields.get("name")));
			}
			ConnectionSpec source = connection(fields.get("source"), root);
			DynamoDbSpec dynamodb = dynamodb(fields.get("dynamodb"));
			List<TableSpec> tables = new ArrayList<>();
			Node tablesNode = fields.get("tables");
			if (tablesNode == null) {
				problems.add(YamlNodes.location(root), ProblemCode.MISSING_KEY, "The mapping has no `tables`.",
						"Add `tables:` with at least one table (name, partitionKey).");
			}
			else {
				for (Node node : yaml.list(tablesNode, "tables")) {
					tables.add(table(node));
				}
			}
			List<ItemSpec> items = new ArrayList<>();
			Node itemsNode = fields.get("items");
			if (itemsNode == null) {
				problems.add(YamlNodes.location(root), ProblemCode.MISSING_KEY, "The mapping has no `items`.",
						"Add `items:` with at least one item definition (name, table, source, attributes).");
			}
			else {
				for (Node node : yaml.list(itemsNode, "items")) {
					items.add(item(node));
				}
			}
			jdbcSourceRequired(fields.get("source"), root, items);
			return new MappingSpec(name == null ? "" : name, file, checksum, source, dynamodb, tables, items);
		}

		/** The top-level `source` may only be left out when every item reads files. */
		private void jdbcSourceRequired(@Nullable Node source, Node root, List<ItemSpec> items) {
			if (source == null && (items.isEmpty() || items.stream().anyMatch((i) -> !i.source().isFile()))) {
				problems.add(YamlNodes.location(root), ProblemCode.MISSING_KEY, "The mapping has no `source`.",
						"Add `source:` with the JDBC `url` (and `user`, `password`) of the database to read; it may "
								+ "only be left out when every item reads `source.file`.");
			}
		}

		private <T> T located(T spec, @Nullable Node node) {
			locations.put(spec, YamlNodes.location(node));
			return spec;
		}

		/** The folder of the mapping file, which relative paths in it are resolved against. */
		private Path folder() {
			return Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file is in a folder");
		}

		private ConnectionSpec connection(@Nullable Node node, Node root) {
			if (node == null) { // needed when an item reads from JDBC: checked in jdbcSourceRequired
				return new ConnectionSpec("", null, null, List.of());
			}
			Map<String, Node> fields = yaml.fields(node, "source", SOURCE);
			String url = resolved(fields.get("url"), "source.url");
			if (url == null && !fields.containsKey("url")) {
				problems.add(YamlNodes.location(node), ProblemCode.MISSING_KEY, "source has no `url`.",
						"Add the JDBC URL, e.g. `url: jdbc:postgresql://host:5432/db`, or `{ env: SOURCE_URL }`.");
			}
			String user = resolved(fields.get("user"), "source.user");
			String password = resolved(fields.get("password"), "source.password");
			List<Path> init = new ArrayList<>();
			Path base = folder();
			for (String script : yaml.texts(fields.get("init"), "source.init")) {
				init.add(base.resolve(script).normalize());
			}
			if (!init.isEmpty() && url != null && !ConnectionSpec.initAllowed(url)) {
				problems.add(YamlNodes.location(fields.get("init")), ProblemCode.WRONG_VALUE, "`init` scripts are "
						+ "only run on an in-memory H2 database (jdbc:h2:mem:), which they create: any other source "
						+ "is only read.", "Remove `init` and prepare the source database with your own tools.");
				init.clear();
			}
			return new ConnectionSpec(url == null ? "" : url, user, password == null ? null : new Secret(password),
					init);
		}

		/** A plain value, or {@code { env: NAME, default: value }} read from the environment. */
		private @Nullable String resolved(@Nullable Node node, String what) {
			if (node == null || node instanceof ScalarNode) {
				return yaml.text(node, what);
			}
			Map<String, Node> fields = yaml.fields(node, what, ENV);
			String variable = yaml.required(fields, "env", node, what);
			if (variable == null) {
				return null;
			}
			String value = environment.apply(variable);
			if (value != null) {
				return value;
			}
			if (fields.containsKey("default")) {
				return yaml.text(fields.get("default"), what + ".default");
			}
			problems.add(YamlNodes.location(node), ProblemCode.MISSING_ENVIRONMENT,
					"The environment variable " + variable + " for " + what + " is not set.",
					"Set " + variable + ", add `default:` to the value, or pass the setting on the command line.");
			return null;
		}

		private DynamoDbSpec dynamodb(@Nullable Node node) {
			if (node == null) {
				return new DynamoDbSpec(null, null);
			}
			Map<String, Node> fields = yaml.fields(node, "dynamodb", DYNAMODB);
			return located(new DynamoDbSpec(yaml.text(fields.get("endpoint"), "dynamodb.endpoint"),
					yaml.text(fields.get("region"), "dynamodb.region")), node);
		}

		// A missing partition key is a reported problem, and the table keeps a null one: a mapping with problems is
		// only validated (the checks skip null keys), never run.
		@SuppressWarnings("NullAway")
		private TableSpec table(Node node) {
			Map<String, Node> fields = yaml.fields(node, "a table", TABLE);
			String name = yaml.required(fields, "name", node, "A table");
			KeySpec partitionKey = key(fields.get("partitionKey"), node, "partitionKey", true);
			KeySpec sortKey = key(fields.get("sortKey"), node, "sortKey", false);
			List<IndexSpec> indexes = new ArrayList<>();
			Node gsis = fields.get("globalSecondaryIndexes");
			if (gsis != null) {
				for (Node gsi : yaml.list(gsis, "globalSecondaryIndexes")) {
					Map<String, Node> index = yaml.fields(gsi, "an index", INDEX);
					String indexName = yaml.required(index, "name", gsi, "An index");
					KeySpec indexPk = key(index.get("partitionKey"), gsi, "partitionKey", true);
					KeySpec indexSk = key(index.get("sortKey"), gsi, "sortKey", false);
					String projection = yaml.text(index.get("projection"), "projection");
					indexes.add(located(new IndexSpec(indexName == null ? "" : indexName, indexPk, indexSk,
							projection == null ? "ALL" : projection), gsi));
				}
			}
			BillingMode billing = yaml.choice(fields.get("billingMode"), "billingMode", BillingMode.class,
					BillingMode.PAY_PER_REQUEST);
			long rcu = yaml.number(fields.get("readCapacity"), "readCapacity", 5, 1, 40_000);
			long wcu = yaml.number(fields.get("writeCapacity"), "writeCapacity", 5, 1, 40_000);
			String writeBudget = yaml.text(fields.get("writeBudget"), "writeBudget");
			if (writeBudget != null
					&& !writeBudget.strip().matches("(?i)[1-9][0-9_]*|(100|[1-9][0-9]?)\\s*%|unlimited")) {
				problems.add(YamlNodes.location(fields.get("writeBudget")), ProblemCode.WRONG_VALUE,
						"`writeBudget` must be write capacity units per second, a percentage of the table's write "
								+ "capacity, or unlimited, not '" + writeBudget + "'.",
						"Write e.g. `writeBudget: 1500`, `writeBudget: 50%` (1% to 100%) or `writeBudget: unlimited`.");
			}
			return located(new TableSpec(name == null ? "" : name, partitionKey, sortKey, indexes, billing, rcu, wcu,
					writeBudget), node);
		}

		private @Nullable KeySpec key(@Nullable Node node, Node parent, String what, boolean required) {
			if (node == null) {
				if (required) {
					problems.add(YamlNodes.location(parent), ProblemCode.MISSING_KEY, "No `" + what + "` given.",
							"Add `" + what + ": { name: pk, type: S }`.");
				}
				return null;
			}
			Map<String, Node> fields = yaml.fields(node, what, KEY);
			String name = yaml.required(fields, "name", node, what);
			AttributeType type = yaml.choice(fields.get("type"), what + ".type", AttributeType.class,
					AttributeType.S);
			if (!type.isKeyType()) {
				problems.add(YamlNodes.location(fields.get("type")), ProblemCode.WRONG_VALUE,
						"A key attribute must be of type S, N or B, not " + type + ".", "Use S, N or B.");
			}
			return located(new KeySpec(name == null ? "" : name, type), node);
		}

		private ItemSpec item(Node node) {
			Map<String, Node> fields = yaml.fields(node, "an item definition", ITEM);
			String name = yaml.required(fields, "name", node, "An item definition");
			String table = yaml.required(fields, "table", node, "An item definition");
			SourceSpec source = itemSource(fields.get("source"), node);
			List<AttributeSpec> attributes = attributes(fields.get("attributes"), node);
			List<EmbedSpec> embeds = new ArrayList<>();
			if (fields.get("embed") != null) {
				for (Node embed : yaml.list(fields.get("embed"), "embed")) {
					embeds.add(embed(embed));
				}
			}
			DuplicateKeyPolicy policy = yaml.choice(fields.get("onDuplicateKey"), "onDuplicateKey",
					DuplicateKeyPolicy.class, DuplicateKeyPolicy.LAST_WINS);
			int chunkSize = (int) yaml.number(fields.get("chunkSize"), "chunkSize", DEFAULT_CHUNK_SIZE, 1, 10_000);
			RejectLimit maxRejects = rejectLimit(fields.get("maxRejects"));
			return located(new ItemSpec(name == null ? "" : name, table == null ? "" : table, source, attributes,
					embeds, policy, chunkSize, maxRejects, rules(fields), partitions(fields.get("partitions"), source),
					changeReader.changes(fields, source)), node);
		}

		/** {@code partitions: N}: only for JDBC sources with a single-column key. */
		private int partitions(@Nullable Node node, SourceSpec source) {
			int partitions = (int) yaml.number(node, "partitions", 1, 1, 256);
			if (partitions > 1 && (source.isFile() || source.key().size() != 1)) {
				problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE, "`partitions` needs a database "
						+ "source with a single-column key, to split it into key ranges.",
						"Remove `partitions`, or read by a single-column key.");
				return 1;
			}
			return partitions;
		}

		private RejectLimit rejectLimit(@Nullable Node node) {
			String text = yaml.text(node, "maxRejects");
			if (text == null) {
				return RejectLimit.NONE;
			}
			try {
				return RejectLimit.parse(text);
			}
			catch (IllegalArgumentException ex) {
				problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE, ex.getMessage() + ".",
						"Write a count, e.g. `maxRejects: 100`, or a percentage of the records read, e.g. "
								+ "`maxRejects: \"1%\"`.");
				return RejectLimit.NONE;
			}
		}

		private ItemRules rules(Map<String, Node> fields) {
			return new ItemRules(attributeReader.condition(fields.get("filter"), "filter"),
					attributeReader.unmapped(fields.get("unmappedColumns")),
					yaml.texts(fields.get("optionalIndexKeys"), "optionalIndexKeys"));
		}

		private SourceSpec itemSource(@Nullable Node node, Node item) {
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
						problems.add(YamlNodes.location(fields.get(option)), ProblemCode.WRONG_VALUE, "`source."
								+ option + "` is for file sources only.", "Add `file:` or remove `" + option + "`.");
					}
				}
			}
			return new SourceSpec(table, query, key, where, YamlNodes.location(node), fileSource);
		}

		/** {@code file}, {@code format}, {@code csv} and {@code maxRecordSize} of a file source. */
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
				csv = new CsvSpec(delimiter, quote, !"false".equals(header), yaml.texts(options.get("columns"),
						"csv.columns"), encoding == null ? "UTF-8" : encoding);
				locations.put(csv, YamlNodes.location(csvNode));
			}
			int maxRecordSize = (int) yaml.number(fields.get("maxRecordSize"), "maxRecordSize",
					FileSourceSpec.DEFAULT_MAX_RECORD_SIZE, 1, Integer.MAX_VALUE - 8);
			String s3EndpointUrl = yaml.text(fields.get("s3EndpointUrl"), "source.s3EndpointUrl");
			return located(new FileSourceSpec(path == null ? "" : path, folder(), format, csv,
					maxRecordSize, s3EndpointUrl), fields.get("file"));
		}

		private char character(@Nullable Node node, String what, char defaultValue) {
			String text = yaml.text(node, what);
			if (text == null) {
				return defaultValue;
			}
			if (text.length() != 1) {
				problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE, what + " must be one character, not `"
						+ text + "`.", "Write it quoted, e.g. `\";\"`, or `\"\\t\"` for a tab.");
				return defaultValue;
			}
			return text.charAt(0);
		}

		private List<AttributeSpec> attributes(@Nullable Node node, Node parent) {
			return attributeReader.attributes(node, parent);
		}

		private EmbedSpec embed(Node node) {
			Map<String, Node> fields = yaml.fields(node, "an embedding", EMBED);
			String name = yaml.required(fields, "name", node, "An embedding");
			String table = yaml.required(fields, "table", node, "An embedding");
			List<String> parentColumns = yaml.texts(fields.get("parentColumns"), "parentColumns");
			List<String> childColumns = yaml.texts(fields.get("childColumns"), "childColumns");
			if (childColumns.isEmpty()) {
				childColumns = parentColumns;
			}
			List<String> orderBy = yaml.texts(fields.get("orderBy"), "orderBy");
			List<AttributeSpec> attributes = attributes(fields.get("attributes"), node);
			int maxElements = (int) yaml.number(fields.get("maxElements"), "maxElements", DEFAULT_MAX_ELEMENTS, 1,
					100_000);
			String as = yaml.text(fields.get("as"), "as");
			String mapKey = yaml.text(fields.get("key"), "key");
			if (as != null && !as.equals("list") && !as.equals("map")) {
				problems.add(YamlNodes.location(fields.get("as")), ProblemCode.WRONG_VALUE, "An embedding is `as: list` "
						+ "or `as: map`, not `" + as + "`.", "Write `as: list` (the default) or `as: map` with `key:`.");
			}
			if ("map".equals(as) != (mapKey != null)) {
				problems.add(YamlNodes.location(node), ProblemCode.WRONG_VALUE, "An embedding `as: map` needs `key`, "
						+ "the child column that keys the map, and `key` needs `as: map`.",
						"Write `as: map, key: child_column`, or leave both out for a list.");
			}
			return new EmbedSpec(name == null ? "" : name, table == null ? "" : table, parentColumns, childColumns,
					orderBy, attributes, maxElements, YamlNodes.location(node), "map".equals(as) ? mapKey : null);
		}

	}

}
