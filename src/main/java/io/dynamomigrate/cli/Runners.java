package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.util.List;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;
import io.dynamomigrate.job.MigrationRunner;
import io.dynamomigrate.job.WriteSettings;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Makes {@link MigrationRunner}s on a command's Spring Batch context.
 */
final class Runners {

	private Runners() {
	}

	/**
	 * A runner like {@link #of(ConfigurableApplicationContext, JobExecutionListener)} that writes as the settings
	 * say and prints warnings about write budgets to {@code err}.
	 */
	static MigrationRunner of(ConfigurableApplicationContext batch, JobExecutionListener listener,
			WriteSettings writeSettings, PrintWriter err) {
		return new MigrationRunner(batch.getBean(JobOperator.class), batch.getBean(JobRepository.class),
				batch.getBean(JobRegistry.class), batch.getBean(PlatformTransactionManager.class),
				UnprocessedItemsBackoff.DEFAULT, Sleeper.SYSTEM, List.of(listener), writeSettings, (warning) -> {
					err.println("Warning: " + warning);
					err.flush();
				});
	}

	/** A runner on the context's job operator, repository and registry, with the given job listener. */
	static MigrationRunner of(ConfigurableApplicationContext batch, JobExecutionListener listener) {
		return new MigrationRunner(batch.getBean(JobOperator.class), batch.getBean(JobRepository.class),
				batch.getBean(JobRegistry.class), batch.getBean(PlatformTransactionManager.class),
				UnprocessedItemsBackoff.DEFAULT, Sleeper.SYSTEM, List.of(listener));
	}

}
