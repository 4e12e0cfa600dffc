package io.dynamomigrate.mapping.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.mapping.model.Secret;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a mapping file's top-level {@code source} ({@link ConnectionSpec}): the JDBC URL,
 * user and password, each written as it is or as {@code { env: NAME, default: value }}
 * read from the environment, and the {@code init} scripts. Not thread-safe (one instance
 * per file).
 */
final class ConnectionReader extends SectionReader {

	private static final Set<String> SOURCE = YamlNodes.keys("url", "user", "password", "init");

	private static final Set<String> ENV = YamlNodes.keys("env", "default");

	private final UnaryOperator<String> environment;

	private final Path file;

	ConnectionReader(YamlNodes yaml, Problems problems, Locations locations, UnaryOperator<String> environment,
			Path file) {
		super(yaml, problems, locations);
		this.environment = environment;
		this.file = file;
	}

	/**
	 * The connection; an empty URL when there is no {@code source} (allowed only when
	 * every item reads files).
	 */
	ConnectionSpec connection(@Nullable Node node) {
		if (node == null) { // needed when an item reads from JDBC: MappingReader checks
							// that
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
		Path base = folder(file);
		for (String script : yaml.texts(fields.get("init"), "source.init")) {
			init.add(base.resolve(script).normalize());
		}
		if (!init.isEmpty() && url != null && !ConnectionSpec.initAllowed(url)) {
			problems.add(YamlNodes.location(fields.get("init")), ProblemCode.WRONG_VALUE, "`init` scripts are "
					+ "only run on an in-memory H2 database (jdbc:h2:mem:), which they create: any other source "
					+ "is only read.", "Remove `init` and prepare the source database with your own tools.");
			init.clear();
		}
		return new ConnectionSpec(url == null ? "" : url, user, password == null ? null : new Secret(password), init);
	}

	/**
	 * A plain value, or {@code { env: NAME, default: value }} read from the environment.
	 */
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

}
