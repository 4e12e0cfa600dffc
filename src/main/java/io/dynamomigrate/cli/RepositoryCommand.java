package io.dynamomigrate.cli;

import io.dynamomigrate.session.SessionOptions;
import picocli.CommandLine.Mixin;

/**
 * A command that reads or changes the job repository only ({@code status}, {@code stop}):
 * its session opens just the Spring Batch context.
 */
abstract class RepositoryCommand extends SessionCommand {

	@Mixin
	StateOptions state;

	@Override
	final SessionOptions session() {
		return state.session().batch(state.repository());
	}

}
