package io.dynamomigrate.mapping.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One attribute of an item, computed from a record: from a value template, or (for a
 * nested definition) from sub-attributes that make a map ({@code attributes:}) or a list
 * ({@code [ ... ]}).
 *
 * @param name the attribute name (for list elements: the element's index)
 * @param value the value template; empty for nested definitions
 * @param type the declared type, or null to take it from the value (the column's type for
 * a single expression, S for text)
 * @param onNull what a null value becomes
 * @param defaultValue the text used when the value is null, or null for none
 * @param options formats, splitting and set policies
 * @param when the condition under which the attribute is present, or null for always
 * @param nested the sub-attributes of a nested map (type M) or the elements of a nested
 * list (type L); empty otherwise
 */
public record AttributeSpec(String name, Template value, @Nullable AttributeType type, NullPolicy onNull,
		@Nullable String defaultValue, ValueOptions options, @Nullable Condition when, List<AttributeSpec> nested) {

	public AttributeSpec {
		nested = List.copyOf(nested);
	}

	/** A plain template attribute without options or condition. */
	public AttributeSpec(String name, Template value, @Nullable AttributeType type, NullPolicy onNull,
			@Nullable String defaultValue) {
		this(name, value, type, onNull, defaultValue, ValueOptions.DEFAULT, null, List.of());
	}

	/**
	 * Whether this attribute is a nested definition (a map or list of sub-attributes)
	 * rather than a template.
	 */
	public boolean isNested() {
		return !nested.isEmpty() || (value.parts().isEmpty() && type != null && type.isDocument());
	}

}
