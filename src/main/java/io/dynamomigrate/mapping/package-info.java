/**
 * The mapping file: its model (immutable records), the loader that reads YAML with line and column positions, the
 * template parser (a fixed set of functions, no expression language), and the validator that reports every problem
 * at once with a fix.
 */
@NullMarked
package io.dynamomigrate.mapping;

import org.jspecify.annotations.NullMarked;
