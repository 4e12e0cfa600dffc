package io.dynamomigrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dynamomigrate.job.ExecutionHistory.Execution;
import io.dynamomigrate.job.ExecutionHistory;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.IncrementalWindows;
import io.dynamomigrate.job.PartitionRuns;
import io.dynamomigrate.report.StepSummary;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.source.jdbc.Watermark;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code status}: the executions of one mapping (or of all), newest first, with per-step
 * counts.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Show the executions of a mapping (or of every mapping) from the job repository, newest "
				+ "first: state, start and end, the process that ran it (and whether it crashed), and per step "
				+ "what was read, written, rejected and filtered, with the throughput." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:shown", "2:the command line is wrong" })
final class StatusCommand extends RepositoryCommand {

	private static final Pattern NAME = Pattern.compile("(?m)^name:\\s*[\"']?([A-Za-z0-9_.-]+)");

	@Parameters(index = "0", arity = "0..1", paramLabel = "MAPPING",
			description = "A mapping file or a mapping's name (default: every mapping).")
	@Nullable String mapping;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "5",
			description = "Executions shown per mapping (default: ${DEFAULT-VALUE}).")
	int limit;

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) throws Exception {
		ExecutionHistory history = new ExecutionHistory(session.jobRepository());
		List<String> names = mapping != null ? List.of(jobName(mapping)) : history.mappings();
		if (names.isEmpty()) {
			out.println("The job repository has no executions.");
		}
		for (String name : names) {
			List<Execution> executions = history.executions(name, limit);
			if (executions.isEmpty()) {
				out.printf("Mapping %s has no executions.%n", name);
			}
			for (Execution execution : executions) {
				print(name, execution, out);
				PartitionRuns.lines(session.jobRepository(), execution.id()).forEach(out::println);
			}
			Map<String, Watermark> marks = IncrementalWindows.lastMarks(session.jobRepository(), name);
			if (!marks.isEmpty()) {
				out.printf("%nMarks of the last completed run of %s (incremental runs read the rows after them, "
						+ "less the overlap):%n", name);
				marks.forEach((step, mark) -> out.printf("  %-20s %s%n", step, mark.text()));
			}
		}
		out.flush();
		return ExitCodes.SUCCESS;
	}

	private static void print(String name, Execution execution, PrintWriter out) {
		out.printf(Locale.ROOT, "%nMapping %s, execution %d: %s%s%n", name, execution.id(), execution.status(),
				execution.crashed() ? " (its process is gone: crashed; `restart` recovers and continues it)" : "");
		out.printf(Locale.ROOT, "Started %s, ended %s, %s; mapping checksum %s%s%n", time(execution.start()),
				time(execution.end()), seconds(execution.start(), execution.end()),
				execution.checksum().length() > 12 ? execution.checksum().substring(0, 12) : execution.checksum(),
				execution.owner() != null ? "; ran in " + execution.owner() : "");
		out.printf(Locale.ROOT, "  %-20s %-10s %10s %10s %10s %10s %10s %10s%n", "step", "status", "read", "written",
				"rejected", "filtered", "seconds", "items/s");
		for (StepSummary step : execution.steps()) {
			out.printf(Locale.ROOT, "  %-20s %-10s %10d %10d %10d %10d %10.1f %10.0f%n", step.step(), step.status(),
					step.read(), step.written(), step.rejected(), step.filtered(), step.elapsed().toMillis() / 1000.0,
					step.itemsPerSecond());
		}
		if (execution.failure() != null) {
			out.printf("  Failure: %s%n", execution.failure());
		}
	}

	private static String time(@Nullable LocalDateTime time) {
		return time == null ? "-" : time.withNano(0).toString().replace('T', ' ');
	}

	private static String seconds(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
		if (start == null || end == null) {
			return "still open";
		}
		return String.format(Locale.ROOT, "%.1f s", Duration.between(start, end).toMillis() / 1000.0);
	}

	/**
	 * The mapping name of a file argument (its {@code name:}), or the argument itself.
	 */
	static String jobName(String argument) throws IOException {
		Path file = Path.of(argument);
		if (!Files.isRegularFile(file)) {
			return argument;
		}
		Matcher name = NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
		if (!name.find()) {
			throw new IllegalArgumentException(
					"The mapping file " + file + " has no `name:` line; give the " + "mapping's name instead.");
		}
		return name.group(1);
	}

}
