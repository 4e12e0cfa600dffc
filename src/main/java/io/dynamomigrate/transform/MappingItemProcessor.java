package io.dynamomigrate.transform;

import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The processor of a migration step: maps each record with an {@link ItemMapper}. A
 * soft-deleted record ({@code deletes.when}) becomes the deletion of its item's key.
 * Records that do not pass the item definition's {@code filter} become null, which the
 * step counts as filtered. Rejected records raise {@link RecordRejectedException}, which
 * the step skips and reports. Thread-safe.
 */
public final class MappingItemProcessor implements ItemProcessor<SourceRecord, MappedItem> {

	private final ItemMapper mapper;

	public MappingItemProcessor(ItemMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public @Nullable MappedItem process(SourceRecord record) {
		if (mapper.isDeletion(record)) {
			return mapper.deletion(record);
		}
		return mapper.accepts(record) ? mapper.map(record) : null; // null: filtered,
																	// counted by the step
	}

}
