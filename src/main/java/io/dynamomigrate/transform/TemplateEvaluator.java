package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.records.RejectReason;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates parsed templates against a record's values: literal text, column values and
 * the fixed template functions. A template that is one reference or call yields that
 * value itself (so a column's type passes through); any other template yields text. A
 * null column makes the whole template null, except inside {@code coalesce}. Thread-safe.
 */
public final class TemplateEvaluator {

	private TemplateEvaluator() {
	}

	/**
	 * The value of a template, or null when a column it needs is null.
	 * @throws IllegalArgumentException with a phrase completing "the value …" when a
	 * function cannot apply
	 */
	public static @Nullable Object render(Template template, Map<String, @Nullable Object> values) {
		if (template.isSingleExpression()) {
			return evaluate((Template.Expression) template.parts().get(0), values);
		}
		StringBuilder text = new StringBuilder();
		for (Template.Part part : template.parts()) {
			if (part instanceof Template.Literal literal) {
				text.append(literal.text());
			}
			else {
				Object value = evaluate((Template.Expression) part, values);
				if (value == null) {
					return null;
				}
				text.append(Values.text(value));
			}
		}
		return text.toString();
	}

	static @Nullable Object evaluate(Template.Expression expression, Map<String, @Nullable Object> values) {
		if (expression instanceof Template.ColumnRef ref) {
			return values.get(ref.column());
		}
		if (expression instanceof Template.Text literal) {
			return literal.text();
		}
		Template.Call call = (Template.Call) expression;
		List<@Nullable Object> arguments = new ArrayList<>();
		for (Template.Expression argument : call.arguments()) {
			Object value = evaluate(argument, values);
			if (value != null && call.function() == io.dynamomigrate.mapping.model.TemplateFunction.COALESCE) {
				return value;
			}
			arguments.add(value);
		}
		if (arguments.contains(null)) {
			return null;
		}
		Object first = arguments.get(0);
		return switch (call.function()) {
			case LOWER -> Values.text(first).toLowerCase(Locale.ROOT);
			case UPPER -> Values.text(first).toUpperCase(Locale.ROOT);
			case TRIM -> Values.text(first).strip();
			case LPAD ->
				lpad(Values.text(first), Integer.parseInt((String) arguments.get(1)), (String) arguments.get(2));
			case DATE -> Temporals.format(first, (String) arguments.get(1));
			case EPOCH_SECONDS -> Temporals.epochSeconds(first);
			case EPOCH_MILLIS -> Temporals.epochMillis(first);
			case SHARD -> BigDecimal.valueOf(shard(Values.text(first), Integer.parseInt((String) arguments.get(1))));
			case NUMBER -> number(first);
			case TEXT -> Values.text(first);
			case COALESCE -> null; // every argument was null
		};
	}

	/**
	 * {@code number(x)}: a number as it is, text parsed exactly; anything else is not a
	 * number.
	 */
	private static BigDecimal number(Object value) {
		if (value instanceof BigDecimal number) {
			return number;
		}
		if (value instanceof Integer || value instanceof Long) {
			return new BigDecimal(value.toString());
		}
		if (!(value instanceof String text)) {
			throw new ValueRejectedException(RejectReason.INVALID_NUMBER,
					"of number(...) is " + Values.inferredType(value) + ", not text or a number");
		}
		try {
			return DynamoNumbers.parse(text);
		}
		catch (ValueRejectedException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw new ValueRejectedException(RejectReason.INVALID_NUMBER,
					"of number(...) `" + Values.excerpt(text) + "` is not a number");
		}
	}

	private static String lpad(String text, int width, String pad) {
		int length = text.codePointCount(0, text.length());
		return length >= width ? text : pad.repeat(width - length) + text;
	}

	/**
	 * The shard of a text: the first four bytes of the SHA-256 of its UTF-8 bytes, as an
	 * unsigned big-endian number, modulo {@code shards}. Stable across JVMs, platforms
	 * and versions.
	 */
	static long shard(String text, int shards) {
		byte[] hash = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
		return Integer.toUnsignedLong(ByteBuffer.wrap(hash, 0, 4).getInt()) % shards;
	}

	/** One digest per thread, not one provider lookup per value. */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

}
