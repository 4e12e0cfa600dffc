package io.dynamomigrate.job;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class NewExecutionContextsTests {

	@Test
	void anExecutionCreatedWithThePreviousContext_keepsTheMapping_dropsTheFailure_andIsOwnedByThisProcess() {
		ExecutionContext previous = new ExecutionContext();
		previous.putString(ExecutionRecorder.MAPPING_TEXT, "name: events");
		previous.putString(ExecutionRecorder.FAILURE, "IllegalStateException: endpoint down");
		new ExecutionOwner("another-host", 42).saveTo(previous);
		JobRepository repository = (JobRepository) new NewExecutionContexts()
			.postProcessAfterInitialization(new ResourcelessJobRepository(), "jobRepository");
		JobInstance instance = repository.createJobInstance("events", new JobParameters());

		JobExecution execution = repository.createJobExecution(instance, new JobParameters(), previous);

		assertThat(ExecutionOwner.of(execution)).contains(ExecutionOwner.current());
		assertThat(execution.getExecutionContext().containsKey(ExecutionRecorder.FAILURE)).isFalse();
		assertThat(execution.getExecutionContext().getString(ExecutionRecorder.MAPPING_TEXT)).isEqualTo("name: events");
		assertThat(previous.getString(ExecutionRecorder.FAILURE)).as("the previous execution's context is unchanged")
			.isEqualTo("IllegalStateException: endpoint down");
		assertThat(repository.getLastJobExecution(instance)).as("other calls reach the repository")
			.extracting(JobExecution::getId)
			.isEqualTo(execution.getId());
	}

}
