/**
 * The value template parser: literal text, {@code ${column}} references and calls of the
 * fixed template functions, parsed into a
 * {@link io.dynamomigrate.mapping.model.Template}; there is no expression language, so a
 * mapping file cannot run code. Depends on {@code mapping.model} and
 * {@code mapping.validation} (for its problems).
 */
@NullMarked
package io.dynamomigrate.mapping.template;

import org.jspecify.annotations.NullMarked;
