package io.dynamomigrate.mapping.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.template.TemplateParser;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.MappingValidator;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a mapping file into a {@link MappingSpec}, collecting every problem (with
 * file:line:column and a fix) before failing with {@link InvalidMappingException}. The
 * YAML is composed into nodes only, never constructed into Java objects, so a file cannot
 * instantiate classes; a {@link MappingReader} per file reads the nodes, section by
 * section, and the {@link MappingValidator} checks what was read. Thread-safe.
 */
public final class MappingLoader {

	private final UnaryOperator<String> environment;

	private final TemplateParser templates = new TemplateParser();

	/** A loader that resolves {@code {env: NAME}} values from the process environment. */
	public MappingLoader() {
		this(System::getenv);
	}

	/**
	 * A loader that resolves {@code {env: NAME}} values with the given function (null =
	 * not set).
	 */
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

	/**
	 * Reads and checks mapping text; {@code file} names it in messages and anchors
	 * relative paths.
	 */
	public MappingSpec load(Path file, String content) {
		Problems problems = new Problems(file);
		MappingSpec spec = read(file, content, problems);
		problems.throwIfAny();
		return Objects.requireNonNull(spec, "no mapping without a problem");
	}

	/**
	 * Reads and checks a mapping file as far as it can, adding every problem to
	 * {@code problems} instead of failing: the mapping with what could be read (parts
	 * with problems may be missing or placeholders), or null when the file cannot be read
	 * or is not YAML. For reporting every problem at once ({@code validate} adds the
	 * source database's); run nothing with a mapping that has problems.
	 */
	public @Nullable MappingSpec read(Path file, Problems problems) {
		String content;
		try {
			long bytes = Files.size(file);
			if (bytes > 4L * YamlLimits.MAX_CHARACTERS) { // not read: more characters
															// than allowed, however
															// encoded
				problems.add(Location.NONE, ProblemCode.YAML_SYNTAX,
						"The mapping file has " + YamlLimits.count(bytes) + " bytes; a mapping may have at most "
								+ YamlLimits.count(YamlLimits.MAX_CHARACTERS) + " characters.",
						"Split it into several mappings.");
				return null;
			}
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			problems.add(Location.NONE, ProblemCode.YAML_SYNTAX,
					"Cannot read the mapping file: " + ex.getMessage() + ".",
					"Check the path and that the file is readable.");
			return null;
		}
		return read(file, content, problems);
	}

	/**
	 * Reads and checks mapping text as far as it can (see {@link #read(Path, Problems)});
	 * {@code file} names it in messages and anchors relative paths.
	 */
	public @Nullable MappingSpec read(Path file, String content, Problems problems) {
		Node root = compose(content, problems);
		if (root == null) {
			return null;
		}
		MappingReader reader = new MappingReader(file, problems, environment, templates);
		MappingSpec spec = reader.mapping(root, checksum(content));
		new MappingValidator(problems, reader.locations()).validate(spec);
		return spec;
	}

	static @Nullable Node compose(String content, Problems problems) {
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
		catch (ReaderException ex) { // a character YAML does not allow (control
										// characters)
			problems.add(position(content, ex.getPosition()), ProblemCode.YAML_SYNTAX,
					"Not valid YAML: the character " + String.format("U+%04X", ex.getCodePoint()) + " is not allowed.",
					"Remove the character or write it as an escape in a quoted value.");
			return null;
		}
		catch (YAMLException ex) { // limits without a position: too many aliases, too
									// deep nesting
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

}
