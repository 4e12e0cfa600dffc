package io.dynamomigrate.job;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.dynamomigrate.mapping.model.ChangeSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.metrics.MigrationMetrics;
import io.dynamomigrate.source.jdbc.ReadWindow;
import io.dynamomigrate.source.jdbc.Watermark;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The read windows of a run's incremental steps (item definitions with
 * {@code incremental}, and tombstone steps with a {@code column}), kept in the
 * execution's job parameters so that a restarted execution reads the same window. When a
 * run starts, every such step's mark is the column's largest value ({@code until}); an
 * incremental run reads the rows with {@code column > after}, where {@code after} is the
 * mark of the latest <em>completed</em> execution of the mapping lowered by the overlap,
 * so the mark advances only when a run succeeds, and a change made while a run fails or
 * is restarted is read by the next run. A full run (or the first incremental one) reads
 * every row and records the marks. Immutable; thread-safe.
 */
public final class IncrementalWindows {

	/**
	 * Job parameter prefix; the parameters are {@code incremental.<step>.after} and
	 * {@code .until}.
	 */
	static final String PREFIX = "incremental.";

	private static final String COLUMN = ".column";

	private static final String AFTER = ".after";

	private static final String UNTIL = ".until";

	/** Job instances read at a time when looking for the last completed execution. */
	private static final int PAGE = 50;

	private final Map<String, ReadWindow> windows;

	private IncrementalWindows(Map<String, ReadWindow> windows) {
		this.windows = Map.copyOf(windows);
	}

	/** No windows: every step reads every row. */
	public static IncrementalWindows none() {
		return new IncrementalWindows(Map.of());
	}

	/**
	 * The window of a step ({@link ReadWindow#ALL} for steps that are not incremental).
	 */
	public ReadWindow window(String step) {
		return windows.getOrDefault(step, ReadWindow.ALL);
	}

	/**
	 * Plans the windows of a new execution of {@code jobName}: reads each incremental
	 * column's largest value now, and for an incremental run finds the marks of the last
	 * completed execution.
	 */
	public static IncrementalWindows plan(JobRepository jobRepository, String jobName, MappingSpec mapping,
			DataSource source, boolean incremental) {
		Map<String, Watermark> previous = incremental ? lastMarks(jobRepository, jobName) : Map.of();
		Map<String, ReadWindow> windows = new LinkedHashMap<>();
		for (ItemSpec item : mapping.items()) {
			ChangeSpec changes = item.changes();
			if (changes.incremental() != null) {
				String column = changes.incremental().column();
				String overlap = changes.incremental().overlap();
				windows.put(item.name(), window(Watermark.max(source, item.source(), column), column,
						previous.get(item.name()), overlap));
			}
			if (changes.tombstones() != null && changes.tombstones().column() != null) {
				String column = changes.tombstones().column();
				String overlap = changes.incremental() != null ? changes.incremental().overlap() : null;
				windows.put(item.deletesStepName(), window(Watermark.max(source, changes.tombstones().source(), column),
						column, previous.get(item.deletesStepName()), overlap));
			}
		}
		return new IncrementalWindows(windows);
	}

	private static ReadWindow window(Optional<Watermark> until, String column, @Nullable Watermark previous,
			@Nullable String overlap) {
		Watermark after = previous != null ? previous.minus(overlap) : null;
		return new ReadWindow(column, after, until.orElse(null));
	}

	/** The windows a previous execution ran with (for its restart). */
	public static IncrementalWindows of(JobParameters parameters) {
		Map<String, ReadWindow> windows = new LinkedHashMap<>();
		for (JobParameter<?> parameter : parameters) {
			String name = parameter.name();
			if (name.startsWith(PREFIX) && name.endsWith(COLUMN)) {
				String step = name.substring(PREFIX.length(), name.length() - COLUMN.length());
				windows.put(step,
						new ReadWindow((String) parameter.value(), decode(parameters.getString(PREFIX + step + AFTER)),
								decode(parameters.getString(PREFIX + step + UNTIL))));
			}
		}
		return new IncrementalWindows(windows);
	}

	private static @Nullable Watermark decode(@Nullable String text) {
		return text == null ? null : Watermark.decode(text);
	}

	/**
	 * Adds the windows to a new execution's parameters (not identifying: a restart keeps
	 * them).
	 */
	public JobParametersBuilder addTo(JobParametersBuilder parameters) {
		windows.forEach((step, window) -> {
			parameters.addString(PREFIX + step + COLUMN, window.column(), false);
			if (window.after() != null) {
				parameters.addString(PREFIX + step + AFTER, window.after().encode(), false);
			}
			if (window.until() != null) {
				parameters.addString(PREFIX + step + UNTIL, window.until().encode(), false);
			}
		});
		return parameters;
	}

	/**
	 * Sets the marks of a completed run in the metrics' watermark gauges (lag for
	 * date/time marks).
	 */
	void recordMarks(String mapping, MigrationMetrics metrics) {
		windows.forEach((step, window) -> {
			Watermark mark = window.until();
			if (mark != null) {
				mark.instant()
					.ifPresentOrElse((instant) -> metrics.watermark(mapping, step, instant),
							() -> metrics.watermark(mapping, step, new BigDecimal(mark.text())));
			}
		});
	}

	/**
	 * The marks of the latest completed execution of a mapping's job, by step: where its
	 * next incremental run starts (before the overlap). A step without a mark there (its
	 * source had no rows) reads every row. Job instances are searched newest first, a
	 * page at a time, up to the first one with a completed execution (a restart adds
	 * executions to its instance, so that is where the latest completed run is).
	 */
	public static Map<String, Watermark> lastMarks(JobRepository jobRepository, String jobName) {
		Map<String, Watermark> marks = new LinkedHashMap<>();
		lastCompleted(jobRepository, jobName)
			.ifPresent((execution) -> of(execution.getJobParameters()).windows.forEach((step, window) -> {
				if (window.until() != null) {
					marks.put(step, window.until());
				}
			}));
		return marks;
	}

	private static Optional<JobExecution> lastCompleted(JobRepository jobRepository, String jobName) {
		for (int start = 0;; start += PAGE) {
			List<JobInstance> instances = jobRepository.getJobInstances(jobName, start, PAGE);
			for (JobInstance instance : instances) {
				Optional<JobExecution> completed = jobRepository.getJobExecutions(instance)
					.stream()
					.filter((execution) -> execution.getStatus() == BatchStatus.COMPLETED)
					.max(Comparator.comparingLong(JobExecution::getId));
				if (completed.isPresent()) {
					return completed;
				}
			}
			if (instances.size() < PAGE) {
				return Optional.empty();
			}
		}
	}

}
