package io.dynamomigrate.mapping.model;

/**
 * A key attribute of a table or index.
 *
 * @param name the attribute name
 * @param type S, N or B
 */
public record KeySpec(String name, AttributeType type) {
}
