package io.dynamomigrate.job;

import java.util.List;

import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RejectSink;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Makes the writer of a step. A run writes to DynamoDB; other modes (a dry run) swap in
 * another writer, and nothing else of the job changes.
 */
@FunctionalInterface
public interface StepWriterFactory {

	/**
	 * The writer for one item definition's step.
	 * @param item the item definition
	 * @param table its target table
	 * @param rejects where the writer reports records it rejects
	 */
	ItemWriter<MappedItem> writer(ItemSpec item, TableSpec table, RejectSink rejects);

	/**
	 * Steps that run after every item definition's step (none by default; the import
	 * path's upload and {@code ImportTable}).
	 */
	default List<Step> finalSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return List.of();
	}

}
