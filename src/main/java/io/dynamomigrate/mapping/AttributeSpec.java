package io.dynamomigrate.mapping;

import org.jspecify.annotations.Nullable;

/**
 * One attribute of an item, computed from a record.
 *
 * @param name the attribute name
 * @param value the value template
 * @param type the declared type, or null to take it from the value (single-column templates) or S
 * @param onNull what a null value becomes
 * @param defaultValue the text used when the value is null, or null for none
 */
public record AttributeSpec(String name, Template value, @Nullable AttributeType type, NullPolicy onNull,
		@Nullable String defaultValue) {
}
