/**
 * Checking a mapping: the problems found in a file, each with its line, column, code and
 * fix ({@link io.dynamomigrate.mapping.validation.Problems}, thrown together as
 * {@link io.dynamomigrate.mapping.validation.InvalidMappingException}), the validator
 * that reports every problem of a read mapping at once, and the warnings about mappings
 * that are valid but probably not meant. Depends on {@code mapping.model} only.
 */
@NullMarked
package io.dynamomigrate.mapping.validation;

import org.jspecify.annotations.NullMarked;
