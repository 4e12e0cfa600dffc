package io.dynamomigrate.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.imports.ImportResult;
import io.dynamomigrate.dynamodb.imports.ImportStaging;
import io.dynamomigrate.dynamodb.imports.ImportUploader;
import io.dynamomigrate.dynamodb.imports.ImportWriter;
import io.dynamomigrate.dynamodb.imports.S3Prefix;
import io.dynamomigrate.dynamodb.imports.TableImport;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RejectSink;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A run that loads new tables through Import from S3: its steps read, map and validate as
 * a run does, but stage the items ({@link ImportWriter}) instead of writing them, and a
 * last step ({@value #STEP}) uploads each table's items as gzip DynamoDB JSON objects
 * with a manifest, calls {@code ImportTable} with a client token derived from the run,
 * and waits for the import. The staging file and the prefix are job parameters, so a
 * restart finds them; the import's ARN is saved in the step's context as soon as it is
 * known, and a restart that does not find it calls {@code ImportTable} again with the
 * same token, which returns the same import. Used by one run; closes its staging file.
 */
public final class ImportRun implements StepWriterFactory, AutoCloseable {

	/** The name of the import step, after the item definitions' steps. */
	public static final String STEP = "import-from-s3";

	static final String PREFIX = "import.prefix";

	static final String STAGING = "import.staging";

	private static final Logger logger = LoggerFactory.getLogger(ImportRun.class);

	private final MappingSpec mapping;

	private final Destination destination;

	private final long runId;

	private final Path stagingFile;

	private final ImportStaging staging;

	private final List<ImportResult> results = new CopyOnWriteArrayList<>();

	/**
	 * Where the objects go and who talks to S3 and DynamoDB.
	 *
	 * @param prefix the S3 prefix
	 * @param s3 the S3 client
	 * @param dynamodb the DynamoDB client that imports
	 * @param sleeper how polling waits
	 */
	public record Destination(S3Prefix prefix, S3Client s3, DynamoDbClient dynamodb, Sleeper sleeper) {
	}

	private ImportRun(MappingSpec mapping, Destination destination, long runId, Path stagingFile) {
		this.mapping = mapping;
		this.destination = destination;
		this.runId = runId;
		this.stagingFile = stagingFile;
		try {
			Files.createDirectories(stagingFile.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + stagingFile.getParent() + ": " + ex.getMessage(), ex);
		}
		this.staging = new ImportStaging(stagingFile);
	}

	/** A new import run, staging in {@code <state-dir>/imports/<mapping>-<run id>/}. */
	public static ImportRun start(MappingSpec mapping, Destination destination, Path stateDirectory) {
		long runId = System.currentTimeMillis();
		return new ImportRun(mapping, destination, runId,
				stateDirectory.resolve("imports").resolve(mapping.name() + "-" + runId).resolve("staging.mv"));
	}

	/** The S3 prefix of an import run's execution, or null when it wrote with writes. */
	public static @Nullable String prefixOf(JobParameters parameters) {
		return parameters.getString(PREFIX);
	}

	/** The import run that an execution of it (to restart) was. */
	public static ImportRun resume(MappingSpec mapping, Destination destination, JobParameters previous) {
		Long runId = previous.getLong(MigrationRunner.RUN_ID);
		String staging = previous.getString(STAGING);
		if (runId == null || staging == null) {
			throw new IllegalArgumentException("The execution has no import parameters");
		}
		return new ImportRun(mapping, destination, runId, Path.of(staging));
	}

	long runId() {
		return runId;
	}

	/** The job parameters of a new execution. */
	JobParametersBuilder parameters(JobParametersBuilder builder) {
		return builder.addString(PREFIX, destination.prefix().toString(), false)
			.addString(STAGING, stagingFile.toAbsolutePath().toString(), false);
	}

	/** How each table's import ended, in this process. */
	public List<ImportResult> results() {
		return List.copyOf(results);
	}

	@Override
	public ItemWriter<MappedItem> writer(ItemSpec item, TableSpec table, RejectSink rejects) {
		return new ImportWriter(table.name(), item.onDuplicateKey(), staging, rejects);
	}

	@Override
	public List<Step> finalSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return List.of(new StepBuilder(STEP, jobRepository).tasklet((contribution, chunk) -> {
			importAll(contribution, jobRepository);
			return RepeatStatus.FINISHED;
		}, transactionManager).build());
	}

	private void importAll(StepContribution contribution, JobRepository jobRepository) {
		ExecutionContext context = contribution.getStepExecution().getExecutionContext();
		S3Prefix prefix = destination.prefix();
		TableImport imports = new TableImport(destination.dynamodb(), destination.sleeper());
		for (TableSpec table : mapping.tables()) {
			String arnKey = "import.arn." + table.name();
			String arn = context.containsKey(arnKey) ? context.getString(arnKey) : null;
			if (arn == null) {
				ImportUploader.Upload upload = new ImportUploader(destination.s3(), prefix,
						stagingFile.resolveSibling("upload"), ImportUploader.MAX_OBJECT_BYTES)
					.upload(table.name(), staging.lines(table.name()));
				logger.info("Uploaded [table={}, objects={}, items={}, bytes={}, manifest={}]", table.name(),
						upload.objects(), upload.items(), upload.uncompressedBytes(),
						prefix.url(prefix.manifestKey(table.name())));
				arn = imports.start(table, prefix, TableImport.clientToken(mapping.name(), runId, table.name()));
				context.putString(arnKey, arn);
				jobRepository.updateExecutionContext(contribution.getStepExecution());
			}
			ImportResult result = imports.await(table.name(), arn);
			results.add(result);
			if (!"COMPLETED".equals(result.status()) || result.errors() > 0) {
				throw new IllegalStateException("The import of table " + table.name() + " ended " + result.status()
						+ " with " + result.errors() + " errors"
						+ (result.failure() != null ? " (" + result.failure() + ")" : "")
						+ ": see the CloudWatch log group " + result.logGroup() + " and " + result.importArn() + ".");
			}
		}
	}

	@Override
	public void close() {
		staging.close();
	}

}
