package io.dynamomigrate.dynamodb.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dynamomigrate.dynamodb.write.DuplicateKeys;
import io.dynamomigrate.dynamodb.write.WriteCounters;
import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RejectSink;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writer of a step on the import path: resolves the duplicate keys of each chunk as
 * {@link DuplicateKeys} does for {@code BatchWriteItem}, then stages every item as a
 * DynamoDB JSON line in {@link ImportStaging}, which resolves keys already staged by an
 * earlier chunk (or step) by the same policy, and makes the chunk durable before it
 * commits. Nothing is sent to DynamoDB or S3 here; the import step uploads what was
 * staged. Keeps the execution-context counters of the {@code BatchWriteItem} writer
 * ({@link WriteCounters}), so that summaries add up the same way. Not thread-safe: one
 * writer per step or partition.
 */
public final class ImportWriter implements ItemWriter<MappedItem>, ItemStream {

	private final String table;

	private final DuplicateKeyPolicy policy;

	private final ImportStaging staging;

	private final RejectSink rejects;

	private WriteCounters counters = WriteCounters.NONE;

	public ImportWriter(String table, DuplicateKeyPolicy policy, ImportStaging staging, RejectSink rejects) {
		this.table = table;
		this.policy = policy;
		this.staging = staging;
		this.rejects = rejects;
	}

	@Override
	public void write(Chunk<? extends MappedItem> chunk) {
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(chunk.getItems(), policy);
		long dropped = resolution.dropped().size();
		List<RecordRejectedException> rejected = new ArrayList<>(resolution.rejected());
		for (MappedItem item : resolution.toWrite()) {
			String key = keyText(item.key());
			switch (staging.stage(table, key, item.position().toString(), DynamoDbJsonLines.line(item.item()),
					policy)) {
				case STAGED -> {
				}
				case REPLACED, DROPPED -> dropped++;
				case REJECTED ->
					rejected.add(new RecordRejectedException(RejectReason.DUPLICATE_KEY, item.position(), "",
							"an earlier record of this run has this key, and onDuplicateKey is "
									+ "reject (on the import path the first record with a key is imported)",
							item.key()));
			}
		}
		staging.commit();
		counters = counters.plus(WriteCounters.duplicates(dropped, rejected.size()));
		rejected.forEach(rejects::reject);
	}

	/** A primary key as text: the same for equal keys. */
	static String keyText(Map<String, AttributeValue> key) {
		return new TreeMap<>(key).toString();
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
