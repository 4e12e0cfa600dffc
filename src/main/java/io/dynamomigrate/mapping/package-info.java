/**
 * The mapping file, in four layers, bottom to top: {@code model} (immutable records),
 * {@code validation} (problems with line, column and fix, and the validator that reports
 * every problem at once), {@code template} (the value template parser: a fixed set of
 * functions, no expression language) and {@code yaml} (the loader and the readers of each
 * section). This package itself holds no classes.
 */
@NullMarked
package io.dynamomigrate.mapping;

import org.jspecify.annotations.NullMarked;
