/**
 * The {@code run} and {@code restart} modes: a new execution of a mapping's job on a
 * {@link io.dynamomigrate.session.MigrationSession}, or the continuation of its latest
 * unfinished one.
 */
@NullMarked
package io.dynamomigrate.run;

import org.jspecify.annotations.NullMarked;
