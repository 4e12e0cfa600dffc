package io.dynamomigrate.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The Spring Boot context that carries Spring Batch: a JDBC job repository on the given
 * database (an H2 file in the state directory for local runs, PostgreSQL or any Spring
 * Batch-supported database in production), its transaction manager and the
 * {@code JobOperator}, all from Boot's batch auto-configuration. Jobs are built per
 * mapping at run time, never started by Boot itself, and registered in the
 * {@link MapJobRegistry} so that the operator can restart and stop them. Thread-safe.
 * <p>
 * Only what a batch job needs starts: Boot's auto-configurations of things nothing here
 * uses (AOP and {@code @Transactional} proxies, task executors and schedulers,
 * {@code JdbcTemplate}/{@code JdbcClient} beans, SSL bundles, observation) are excluded,
 * which saves about a second of CPU at every start on a small machine. Spring Batch's job
 * repository makes its own transactional proxy and {@code JdbcTemplate}, and jobs run on
 * the calling thread.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
		"org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
		"org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
public class BatchInfrastructure {

	/**
	 * The registry the JobOperator finds jobs in; jobs built from mappings are registered
	 * in it at run time.
	 */
	@Bean
	MapJobRegistry jobRegistry() {
		return new MapJobRegistry();
	}

	/**
	 * Every job execution is created with its own owner, and without its predecessor's
	 * failure.
	 */
	@Bean
	static NewExecutionContexts newExecutionContexts() {
		return new NewExecutionContexts();
	}

	/**
	 * Starts the context on a job repository database, creating Spring Batch's tables
	 * when missing.
	 * @param url the repository's JDBC URL
	 * @param user the user, or null
	 * @param password the password, or null
	 */
	public static ConfigurableApplicationContext start(String url, @Nullable String user, @Nullable String password) {
		DriverManagerDataSource schemaSource = new DriverManagerDataSource(url);
		schemaSource.setUsername(user);
		schemaSource.setPassword(password);
		// An embedded H2 database closes with its last connection: this one stays open
		// until the context's pool
		// has its own, so the repository file is opened once, not twice
		try (Connection schemaConnection = schemaSource.getConnection()) {
			JobRepositorySchema.ensure(new SingleConnectionDataSource(schemaConnection, true));
			return context(url, user, password);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the job repository: " + ex.getMessage(), ex);
		}
	}

	private static ConfigurableApplicationContext context(String url, @Nullable String user,
			@Nullable String password) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url);
		if (user != null) {
			properties.put("spring.datasource.username", user);
		}
		if (password != null) {
			properties.put("spring.datasource.password", password);
		}
		properties.put("spring.datasource.hikari.pool-name", "job-repository");
		properties.put("spring.datasource.hikari.maximum-pool-size", "4");
		properties.put("spring.batch.job.enabled", "false");
		properties.put("spring.batch.jdbc.initialize-schema", "never");
		// jobs of different names start at once in one process (a fleet's entries): with
		// the default SERIALIZABLE, PostgreSQL cancels all but one of the concurrent
		// creations. The unique job key still forbids two instances of one job, and the
		// run lease two runs of one mapping.
		properties.put("spring.batch.jdbc.isolation-level-for-create", "READ_COMMITTED");
		properties.put("spring.main.log-startup-info", "false");
		properties.put("spring.jmx.enabled", "false");
		// logging stays as logback.xml and the command set it up (the command's log file,
		// see the cli package);
		// Spring Boot would reset it when the context starts
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		return new SpringApplicationBuilder(BatchInfrastructure.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.properties(properties)
			.run();
	}

}
