package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that prints to the command line's output and error writers (which tests
 * replace).
 */
abstract class PrintingCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public final Integer call() throws Exception {
		return call(spec.commandLine().getOut(), spec.commandLine().getErr());
	}

	/** Runs the command and returns its exit code. */
	abstract int call(PrintWriter out, PrintWriter err) throws Exception;

}
