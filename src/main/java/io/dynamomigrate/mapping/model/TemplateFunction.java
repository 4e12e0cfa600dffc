package io.dynamomigrate.mapping.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fixed set of functions a template may call, {@code ${name(arg, ...)}}. Arguments
 * are column names, quoted literals ({@code 'text'}, {@code ''} for a quote) and whole
 * numbers, and other calls. There is nothing else: no expression language, no access to
 * Java classes, files or the network (DESIGN.md invariant 7). Every function but
 * {@code coalesce} is null when an argument is null.
 */
public enum TemplateFunction {

	/** {@code lower(x)}: lower case (locale-independent). */
	LOWER(1, 1, "lower(column)"),
	/** {@code upper(x)}: upper case (locale-independent). */
	UPPER(1, 1, "upper(column)"),
	/** {@code trim(x)}: without leading and trailing white space. */
	TRIM(1, 1, "trim(column)"),
	/**
	 * {@code lpad(x, width, 'c')}: left-padded with c to width characters; longer text is
	 * kept as it is.
	 */
	LPAD(3, 3, "lpad(column, 6, '0')"),
	/**
	 * {@code date(x, 'pattern')}: a date or timestamp, in UTC, formatted with a
	 * DateTimeFormatter pattern.
	 */
	DATE(2, 2, "date(column, 'yyyy-MM')"),
	/**
	 * {@code epoch_seconds(x)}: a date or timestamp as whole seconds since
	 * 1970-01-01T00:00:00Z (a number).
	 */
	EPOCH_SECONDS(1, 1, "epoch_seconds(column)"),
	/**
	 * {@code epoch_millis(x)}: a date or timestamp as milliseconds since
	 * 1970-01-01T00:00:00Z (a number).
	 */
	EPOCH_MILLIS(1, 1, "epoch_millis(column)"),
	/**
	 * {@code shard(x, n)}: a number from 0 to n-1, stable across JVMs and versions: the
	 * first four bytes of the SHA-256 of the value's UTF-8 text, as an unsigned
	 * big-endian number, modulo n.
	 */
	SHARD(2, 2, "shard(column, 16)"),
	/**
	 * {@code number(x)}: text parsed exactly as a number (a number stays as it is); an
	 * explicit conversion.
	 */
	NUMBER(1, 1, "number(column)"),
	/**
	 * {@code text(x)}: the value as the text templates write (a number 7 becomes "7"); an
	 * explicit conversion.
	 */
	TEXT(1, 1, "text(column)"),
	/** {@code coalesce(a, b, ...)}: the first argument that is not null. */
	COALESCE(2, 16, "coalesce(column, other_column, 'default')");

	private final int minArguments;

	private final int maxArguments;

	private final String example;

	TemplateFunction(int minArguments, int maxArguments, String example) {
		this.minArguments = minArguments;
		this.maxArguments = maxArguments;
		this.example = example;
	}

	/** The name used in templates. */
	public String functionName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public int minArguments() {
		return minArguments;
	}

	public int maxArguments() {
		return maxArguments;
	}

	/** A usage example, for messages. */
	public String example() {
		return example;
	}

	/** The function with this name (exact, lower case), if any. */
	public static Optional<TemplateFunction> named(String name) {
		return Arrays.stream(values()).filter((f) -> f.functionName().equals(name)).findFirst();
	}

	/** The names of all functions, for messages. */
	public static String names() {
		return Arrays.stream(values()).map(TemplateFunction::functionName).collect(Collectors.joining(", "));
	}

}
