package io.dynamomigrate.dynamodb.write;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class WriteCountersTests {

	private static final WriteCounters COUNTERS = new WriteCounters(1, 2, 3, 4, 5, 6, 7, 8);

	@Test
	void writeTo_thenFrom_givesTheSameCounters() {
		ExecutionContext context = new ExecutionContext();

		COUNTERS.writeTo(context);

		assertThat(WriteCounters.from(context)).isEqualTo(COUNTERS);
	}

	@Test
	void from_readsAContextSavedByEarlierVersions_underTheirKeys() {
		// the keys of every earlier version: a run they started is restarted with its
		// counters
		ExecutionContext context = new ExecutionContext();
		context.putLong("dynamo-migrate.duplicates.dropped", 1);
		context.putLong("dynamo-migrate.duplicates.rejected", 2);
		context.putLong("dynamo-migrate.unprocessed.retries", 3);
		context.putLong("dynamo-migrate.batch.calls", 4);
		context.putLong("dynamo-migrate.throttles", 5);
		context.putLong("dynamo-migrate.deletes", 6);
		context.putLong("dynamo-migrate.write.units", 7);
		context.putLong("dynamo-migrate.write.units.execution", 8);

		assertThat(WriteCounters.from(context)).isEqualTo(COUNTERS);
	}

	@Test
	void writeTo_savesUnderTheKeysOfEarlierVersions() {
		ExecutionContext context = new ExecutionContext();

		COUNTERS.writeTo(context);

		assertThat(context.getLong("dynamo-migrate.duplicates.dropped")).isEqualTo(1);
		assertThat(context.getLong("dynamo-migrate.duplicates.rejected")).isEqualTo(2);
		assertThat(context.getLong("dynamo-migrate.unprocessed.retries")).isEqualTo(3);
		assertThat(context.getLong("dynamo-migrate.batch.calls")).isEqualTo(4);
		assertThat(context.getLong("dynamo-migrate.throttles")).isEqualTo(5);
		assertThat(context.getLong("dynamo-migrate.deletes")).isEqualTo(6);
		assertThat(context.getLong("dynamo-migrate.write.units")).isEqualTo(7);
		assertThat(context.getLong("dynamo-migrate.write.units.execution")).isEqualTo(8);
	}

	@Test
	void from_anEmptyContext_countsNothing() {
		assertThat(WriteCounters.from(new ExecutionContext())).isEqualTo(WriteCounters.NONE);
	}

	@Test
	void from_aContextWithoutTheExecutionsOwnUnits_takesTheStepsTotal() {
		ExecutionContext context = new ExecutionContext();
		context.putLong(WriteCounters.WRITE_UNITS, 120);

		assertThat(WriteCounters.from(context).executionWriteUnits()).isEqualTo(120);
	}

	@Test
	void restored_startsTheExecutionsOwnUnitsAgain() {
		assertThat(COUNTERS.restored()).isEqualTo(new WriteCounters(1, 2, 3, 4, 5, 6, 7, 0));
	}

	@Test
	void plus_sumsCounterByCounter_asOverTheContextsOfPartitions() {
		ExecutionContext first = new ExecutionContext();
		new WriteCounters(1, 0, 2, 3, 0, 4, 50, 50).writeTo(first);
		ExecutionContext second = new ExecutionContext();
		new WriteCounters(0, 1, 1, 2, 1, 0, 30, 10).writeTo(second);

		WriteCounters total = WriteCounters.NONE.plus(WriteCounters.from(first)).plus(WriteCounters.from(second));

		assertThat(total).isEqualTo(new WriteCounters(1, 1, 3, 5, 1, 4, 80, 60));
		assertThat(total.duplicates()).isEqualTo(2);
	}

	@Test
	void minus_isWhatWasCountedSince() {
		assertThat(COUNTERS.plus(COUNTERS).minus(COUNTERS)).isEqualTo(COUNTERS);
	}

}
