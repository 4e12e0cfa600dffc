package io.dynamomigrate.mapping.validation;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.mapping.model.ValueOptions;
import org.jspecify.annotations.Nullable;

/**
 * Checks one attribute's type against its value and options: formats, splitting and set
 * policies only where they mean something, document types from a single expression. Not
 * thread-safe.
 */
final class AttributeChecks {

	private final Problems problems;

	private final Location at;

	AttributeChecks(Problems problems, Location at) {
		this.problems = problems;
		this.at = at;
	}

	/**
	 * The type a template's value has when the mapping declares none and it does not
	 * depend on a column: S for text, N for {@code epoch_seconds}, {@code epoch_millis},
	 * {@code shard} and {@code number}; null when the column decides.
	 */
	static @Nullable AttributeType templateType(Template template) {
		if (template.parts().isEmpty() || template.isSingleColumn()) {
			return null;
		}
		if (template.isSingleExpression() && template.parts().get(0) instanceof Template.Call call) {
			return switch (call.function()) {
				case EPOCH_SECONDS, EPOCH_MILLIS, SHARD, NUMBER -> AttributeType.N;
				case COALESCE -> null;
				default -> AttributeType.S;
			};
		}
		return AttributeType.S;
	}

	void check(AttributeSpec attribute) {
		AttributeType type = attribute.type();
		ValueOptions options = attribute.options();
		if (attribute.isNested()) {
			return;
		}
		if (type != null && type.isDocument() && !attribute.value().isSingleExpression() && options.split() == null) {
			problem("Type " + type + " comes from a single ${column} (a JSON or array column), not from text.",
					"Write `value: \"${json_column}\"`, use `attributes:` for a nested map, or `split:` for a list.");
		}
		if (options.split() != null) {
			if (options.split().isEmpty()) {
				problem("`split` cannot be empty.", "Write the separator, e.g. `split: \",\"`.");
			}
			if (type == null || !(type.isSet() || type == AttributeType.L)) {
				problem("`split` makes the elements of a set or a list; attribute " + attribute.name() + " has type "
						+ (type == null ? "inferred" : type) + ".", "Add `type: SS` (or NS, BS, L).");
			}
		}
		if ((options.onDuplicateElements() != ValueOptions.DuplicateElementPolicy.DEDUPE
				|| options.onEmptySet() != ValueOptions.EmptySetPolicy.OMIT) && (type == null || !type.isSet())) {
			problem("`onDuplicateElements` and `onEmptySet` apply to sets; attribute " + attribute.name()
					+ " is not a set.", "Add `type: SS`, `NS` or `BS`, or remove the policy.");
		}
		String format = options.format();
		if (format != null) {
			if (format.equals(ValueOptions.EPOCH_SECONDS) || format.equals(ValueOptions.EPOCH_MILLIS)) {
				if (type != AttributeType.N) {
					problem("`format: " + format + "` makes a number; attribute " + attribute.name()
							+ " needs `type: N`.", "Add `type: N` (TTL attributes are epoch seconds as N).");
				}
			}
			else {
				try {
					var unused = DateTimeFormatter.ofPattern(format, Locale.ROOT); // parsed
																					// to
																					// check
																					// the
																					// pattern
				}
				catch (IllegalArgumentException ex) {
					problem("`format: " + format + "` is not a date pattern: " + ex.getMessage() + ".",
							"Use DateTimeFormatter letters such as `yyyy-MM-dd'T'HH:mm:ssXXX`, or epoch-seconds.");
				}
				if (type != null && type != AttributeType.S) {
					problem("A date pattern makes text; attribute " + attribute.name() + " has type " + type + ".",
							"Use `type: S`, or `format: epoch-seconds` with `type: N`.");
				}
			}
		}
	}

	private void problem(String message, String fix) {
		problems.add(at, ProblemCode.WRONG_VALUE, message, fix);
	}

}
