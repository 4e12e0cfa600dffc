/**
 * Reading a mapping file: the loader that composes the YAML into nodes (never into Java
 * objects), the readers of its sections with line and column positions, the limits on the
 * YAML's size and nesting, and the mapping text with its secrets redacted. The top layer
 * of {@code mapping}: it uses the model, the template parser and the validator.
 */
@NullMarked
package io.dynamomigrate.mapping.yaml;

import org.jspecify.annotations.NullMarked;
