package io.dynamomigrate.dynamodb.write;

import java.util.List;
import java.util.stream.IntStream;

import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.transform.ItemSizes;
import io.dynamomigrate.transform.MappedItem;
import org.junit.jupiter.api.Test;

import static io.dynamomigrate.dynamodb.write.WriterFixtures.sized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@Invariant(3)
class WriteBatchesTests {

	private static List<MappedItem> items(int count, long sizeBytes) {
		return IntStream.range(0, count).mapToObj((i) -> sized(i, sizeBytes)).toList();
	}

	private static List<Integer> sizes(List<List<MappedItem>> batches) {
		return batches.stream().map(List::size).toList();
	}

	@Test
	void noItems_giveNoBatches() {
		assertThat(WriteBatches.split(List.of(), WriteBatches.MAX_ITEMS, WriteBatches.MAX_BYTES)).isEmpty();
	}

	@Test
	void exactly25Items_fitOneBatch() {
		assertThat(sizes(WriteBatches.split(items(25, 100), WriteBatches.MAX_ITEMS, WriteBatches.MAX_BYTES)))
			.containsExactly(25);
	}

	@Test
	void item26_startsASecondBatch() {
		assertThat(sizes(WriteBatches.split(items(26, 100), WriteBatches.MAX_ITEMS, WriteBatches.MAX_BYTES)))
			.containsExactly(25, 1);
		assertThat(sizes(WriteBatches.split(items(60, 100), WriteBatches.MAX_ITEMS, WriteBatches.MAX_BYTES)))
			.containsExactly(25, 25, 10);
	}

	@Test
	void smallerItemLimit_isKept() {
		assertThat(sizes(WriteBatches.split(items(7, 100), 3, WriteBatches.MAX_BYTES))).containsExactly(3, 3, 1);
	}

	@Test
	void byteBudgetExactlyReached_staysInOneBatch() {
		assertThat(sizes(WriteBatches.split(items(6, 100), WriteBatches.MAX_ITEMS, 300))).containsExactly(3, 3);
	}

	@Test
	void byteBudgetExceededByOneByte_startsANewBatch() {
		List<MappedItem> items = List.of(sized(1, 100), sized(2, 100), sized(3, 101), sized(4, 99));
		assertThat(sizes(WriteBatches.split(items, WriteBatches.MAX_ITEMS, 300))).containsExactly(2, 2);
	}

	@Test
	void fullSizeItems_keepBothLimitsOfTheApi() {
		List<List<MappedItem>> batches = WriteBatches.split(items(60, ItemSizes.MAX_ITEM_BYTES), WriteBatches.MAX_ITEMS,
				WriteBatches.MAX_BYTES);
		assertThat(batches).allSatisfy((batch) -> {
			assertThat(batch).hasSizeLessThanOrEqualTo(WriteBatches.MAX_ITEMS);
			assertThat(batch.stream().mapToLong(MappedItem::sizeBytes).sum())
				.isLessThanOrEqualTo(WriteBatches.MAX_BYTES);
		});
		assertThat(sizes(batches)).containsExactly(25, 25, 10);
	}

	@Test
	void itemOfExactly400Kb_isAccepted() {
		assertThat(WriteBatches.split(List.of(sized(1, ItemSizes.MAX_ITEM_BYTES)), WriteBatches.MAX_ITEMS,
				WriteBatches.MAX_BYTES))
			.hasSize(1);
	}

	@Test
	void itemOver400Kb_isRefused() {
		List<MappedItem> items = List.of(sized(1, 100), sized(2, ItemSizes.MAX_ITEM_BYTES + 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WriteBatches.split(items, WriteBatches.MAX_ITEMS, WriteBatches.MAX_BYTES))
			.withMessageContaining("409601 bytes")
			.withMessageContaining("tracks[row=2]")
			.withMessageContaining("400 KB");
	}

	@Test
	void itemLargerThanTheBudget_goesAloneRatherThanBeingLost() {
		List<MappedItem> items = List.of(sized(1, 100), sized(2, 500), sized(3, 100));
		assertThat(sizes(WriteBatches.split(items, WriteBatches.MAX_ITEMS, 300))).containsExactly(1, 1, 1);
	}

	@Test
	void order_isPreservedAcrossBatches() {
		List<MappedItem> items = IntStream.range(0, 80).mapToObj((i) -> sized(i, 50 + (i * 37) % 200)).toList();
		List<List<MappedItem>> batches = WriteBatches.split(items, WriteBatches.MAX_ITEMS, 2_000);
		assertThat(batches).hasSizeGreaterThan(4);
		assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(items);
		assertThat(batches).allSatisfy((batch) -> assertThat(batch.stream().mapToLong(MappedItem::sizeBytes).sum())
			.isLessThanOrEqualTo(2_000));
	}

}
