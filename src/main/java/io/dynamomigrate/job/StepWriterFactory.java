package io.dynamomigrate.job;

import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RejectSink;
import org.springframework.batch.infrastructure.item.ItemWriter;

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

}
