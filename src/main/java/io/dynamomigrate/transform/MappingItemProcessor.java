package io.dynamomigrate.transform;

import io.dynamomigrate.source.SourceRecord;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The processor of a migration step: maps each record with an {@link ItemMapper}. Rejected records raise
 * {@link RecordRejectedException}, which the step skips and reports. Thread-safe.
 */
public final class MappingItemProcessor implements ItemProcessor<SourceRecord, MappedItem> {

	private final ItemMapper mapper;

	public MappingItemProcessor(ItemMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public MappedItem process(SourceRecord record) {
		return mapper.map(record);
	}

}
