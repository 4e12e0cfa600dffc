package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;

import io.dynamomigrate.job.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cron expressions of {@code schedule}: Unix's 5 fields made Spring's 6, when they
 * run, and an invalid one refused before the mapping is read.
 */
class ScheduleCronTests {

	private static final LocalDateTime WEDNESDAY = LocalDateTime.of(2026, 11, 25, 23, 31, 5);

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int execute(String... args) {
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		return commandLine.execute(args);
	}

	@ParameterizedTest(name = "\"{0}\" is \"{1}\"")
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = { "*/15 * * * *|0 */15 * * * *",
			"  0 3 * * MON-FRI |0 0 3 * * MON-FRI", "0\t3  *  * *|0 0\t3  *  * *" })
	void fiveFields_runAtSecondZero(String unix, String spring) {
		assertThat(ScheduleCommand.springCron(unix)).isEqualTo(spring);
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|', value = { "0 0 3 * * *", "*/30 */15 * * * *", "@hourly", "@daily", "not a cron" })
	void sixFieldsMacrosAndOtherCounts_areLeftAsTheyAre(String expression) {
		assertThat(ScheduleCommand.springCron(expression)).isEqualTo(expression);
	}

	@Test
	void everyFifteenMinutes_runsAtTheNextQuarterHour_atSecondZero() {
		CronExpression cron = CronExpression.parse(ScheduleCommand.springCron("*/15 * * * *"));

		assertThat(cron.next(WEDNESDAY)).isEqualTo(LocalDateTime.of(2026, 11, 25, 23, 45, 0));
		assertThat(cron.next(LocalDateTime.of(2026, 11, 25, 23, 45, 0)))
			.isEqualTo(LocalDateTime.of(2026, 11, 26, 0, 0));
	}

	@Test
	void weekdaysAtThree_skipTheWeekend() {
		CronExpression cron = CronExpression.parse(ScheduleCommand.springCron("0 3 * * MON-FRI"));

		assertThat(cron.next(WEDNESDAY)).isEqualTo(LocalDateTime.of(2026, 11, 26, 3, 0));
		assertThat(cron.next(LocalDateTime.of(2026, 11, 27, 4, 0))).isEqualTo(LocalDateTime.of(2026, 11, 30, 3, 0));
	}

	@Test
	void hourlyMacro_runsAtTheNextFullHour() {
		CronExpression cron = CronExpression.parse(ScheduleCommand.springCron("@hourly"));

		assertThat(cron.next(WEDNESDAY)).isEqualTo(LocalDateTime.of(2026, 11, 26, 0, 0));
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|', value = { "not a cron", "61 * * * *", "@sometimes", "* * * * * * *" })
	void invalidCron_exitsWithTwo_beforeTheMappingIsRead(String cron) {
		int exitCode = execute("schedule", "no-such-dir/x.yml", "--cron", cron);

		assertThat(exitCode).isEqualTo(ExitCodes.INVALID).isEqualTo(2);
		assertThat(out.toString()).isEmpty();
		assertThat(err.toString().lines()).containsExactly("The cron expression \"" + cron + "\" is not valid. "
				+ "Write 5 fields (minute hour day month weekday), e.g. --cron \"*/15 * * * *\" for every 15 minutes, "
				+ "or a macro such as @hourly.");
	}

	@Test
	void missingCron_isACommandLineError() {
		int exitCode = execute("schedule", "no-such-dir/x.yml");

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString()).contains("Missing required option: '--cron=EXPRESSION'");
	}

}
