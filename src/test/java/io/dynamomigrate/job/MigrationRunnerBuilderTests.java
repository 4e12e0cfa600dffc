package io.dynamomigrate.job;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The runner's builder names the collaborator that is missing, in a sentence. */
class MigrationRunnerBuilderTests {

	@Test
	void build_withoutJobOperator_saysItIsRequired() {
		assertThatIllegalStateException().isThrownBy(() -> MigrationRunner.builder().build())
			.withMessage("A job operator is required");
	}

	@Test
	void build_withoutJobRepository_saysItIsRequired() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MigrationRunner.builder().jobOperator(stub(JobOperator.class)).build())
			.withMessage("A job repository is required");
	}

	@Test
	void build_withoutTransactionManager_saysItIsRequired() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MigrationRunner.builder()
				.jobOperator(stub(JobOperator.class))
				.jobRepository(stub(JobRepository.class))
				.jobRegistry(stub(JobRegistry.class))
				.build())
			.withMessage("A transaction manager is required");
	}

	@Test
	void build_withTheSpringBatchCollaborators_givesARunner() {
		assertThat(MigrationRunner.builder()
			.jobOperator(stub(JobOperator.class))
			.jobRepository(stub(JobRepository.class))
			.jobRegistry(stub(JobRegistry.class))
			.transactionManager(stub(PlatformTransactionManager.class))
			.build()).isNotNull();
	}

	private static <T> T stub(Class<T> type) {
		return type
			.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
				throw new UnsupportedOperationException(method.getName());
			}));
	}

}
