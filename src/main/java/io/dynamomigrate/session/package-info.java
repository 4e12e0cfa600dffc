/**
 * One migration session under every command:
 * {@link io.dynamomigrate.session.MigrationSession} opens what a command works with
 * (mapping, source, target, Spring Batch context, run lease, shutdown handling) in one
 * place and one order, as its {@link io.dynamomigrate.session.SessionOptions} ask, and
 * closes it in the reverse order. Below the command line, above the modes' services and
 * {@code job}.
 */
@NullMarked
package io.dynamomigrate.session;

import org.jspecify.annotations.NullMarked;
