package io.dynamomigrate.report;

import io.dynamomigrate.dynamodb.write.BatchWriteItemWriter;
import io.dynamomigrate.dynamodb.write.DuplicateKeys;
import io.dynamomigrate.dynamodb.write.WriteCounters;
import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RejectSink;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The writer of a dry run: resolves duplicate keys of each chunk exactly as
 * {@link BatchWriteItemWriter} would, and records every item that would be written in
 * {@link DryRunFindings} instead of writing it. It makes no call to DynamoDB. Keeps the
 * same execution-context counters as the real writer, so summaries add up the same way.
 * Not thread-safe: one writer per step.
 */
public final class DryRunWriter implements ItemWriter<MappedItem>, ItemStream {

	private final String step;

	private final TableSpec table;

	private final DuplicateKeyPolicy policy;

	private final DryRunFindings findings;

	private final RejectSink rejects;

	private WriteCounters counters = WriteCounters.NONE;

	public DryRunWriter(String step, TableSpec table, DuplicateKeyPolicy policy, DryRunFindings findings,
			RejectSink rejects) {
		this.step = step;
		this.table = table;
		this.policy = policy;
		this.findings = findings;
		this.rejects = rejects;
	}

	@Override
	public void write(Chunk<? extends MappedItem> chunk) {
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(chunk.getItems(), policy);
		for (MappedItem item : resolution.toWrite()) {
			if (!item.delete()) { // a deletion leaves no item behind: nothing to size,
									// cost or collide
				findings.item(step, table, item, policy);
			}
		}
		counters = counters.plus(WriteCounters.duplicates(resolution.dropped().size(), resolution.rejected().size()));
		long duplicates = resolution.dropped().size() + resolution.rejected().size();
		if (duplicates > 0) {
			findings.duplicatesInChunk(step, duplicates);
		}
		for (RecordRejectedException reject : resolution.rejected()) {
			rejects.reject(reject);
		}
	}

	@Override
	public void open(ExecutionContext context) {
		WriteCounters restored = WriteCounters.from(context);
		counters = WriteCounters.duplicates(restored.duplicatesDropped(), restored.duplicatesRejected());
	}

	@Override
	public void update(ExecutionContext context) {
		counters.writeTo(context);
	}

}
