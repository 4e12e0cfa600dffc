package io.dynamomigrate.schedule;

import io.dynamomigrate.job.ExitCodes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule exits with 4 when a signal stopped a running tick (the next start resumes
 * it), else with 0.
 */
class ScheduleResultTests {

	@Test
	void lastTickStopped_exitsWithStopped() {
		assertThat(new ScheduleResult(ExitCodes.STOPPED).exitCode()).isEqualTo(ExitCodes.STOPPED);
	}

	@Test
	void lastTickFailedOrRejectedOrNone_exitsWithSuccess() {
		assertThat(new ScheduleResult(ExitCodes.FAILED).exitCode()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(new ScheduleResult(ExitCodes.COMPLETED_WITH_REJECTS).exitCode()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(new ScheduleResult(ExitCodes.SUCCESS).exitCode()).isEqualTo(ExitCodes.SUCCESS);
	}

}
