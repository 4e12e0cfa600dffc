package io.dynamomigrate.dynamodb;

import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.DuplicateKeyPolicy;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.transform.MappedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static io.dynamomigrate.dynamodb.WriterFixtures.item;
import static io.dynamomigrate.dynamodb.WriterFixtures.position;
import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeysTests {

	/** Three records of key 7 (rows 1, 3, 5) between records of keys 1 and 2. */
	private final MappedItem first = version(7, 1, "first");

	private final MappedItem second = version(7, 3, "second");

	private final MappedItem third = version(7, 5, "third");

	private final MappedItem one = version(1, 2, "one");

	private final MappedItem two = version(2, 4, "two");

	private final List<MappedItem> chunk = List.of(this.first, this.one, this.second, this.two, this.third);

	private static MappedItem version(int id, int row, String title) {
		return item("t", id, row, Map.of("title", AttributeValue.fromS(title)));
	}

	@ParameterizedTest
	@EnumSource(DuplicateKeyPolicy.class)
	void distinctKeys_areAllWrittenInOrder(DuplicateKeyPolicy policy) {
		List<MappedItem> items = List.of(this.one, this.first, this.two);
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(items, policy);
		assertThat(resolution.toWrite()).containsExactlyElementsOf(items);
		assertThat(resolution.dropped()).isEmpty();
		assertThat(resolution.rejected()).isEmpty();
	}

	@Test
	void lastWins_writesTheLastOfThreeAndDropsTheOthers() {
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(this.chunk, DuplicateKeyPolicy.LAST_WINS);
		assertThat(resolution.toWrite()).containsExactly(this.third, this.one, this.two);
		assertThat(resolution.dropped()).containsExactly(this.first, this.second);
		assertThat(resolution.rejected()).isEmpty();
	}

	@Test
	void firstWins_writesTheFirstOfThreeAndDropsTheOthers() {
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(this.chunk, DuplicateKeyPolicy.FIRST_WINS);
		assertThat(resolution.toWrite()).containsExactly(this.first, this.one, this.two);
		assertThat(resolution.dropped()).containsExactly(this.second, this.third);
		assertThat(resolution.rejected()).isEmpty();
	}

	@Test
	void reject_writesNoneOfThreeAndRejectsEachWithItsPosition() {
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(this.chunk, DuplicateKeyPolicy.REJECT);
		assertThat(resolution.toWrite()).containsExactly(this.one, this.two);
		assertThat(resolution.dropped()).isEmpty();
		assertThat(resolution.rejected()).extracting(RecordRejectedException::getReason)
			.containsOnly(RejectReason.DUPLICATE_KEY);
		assertThat(resolution.rejected()).extracting(RecordRejectedException::getPosition)
			.containsExactly(position(1), position(3), position(5));
		assertThat(resolution.rejected()).allSatisfy((reject) -> {
			assertThat(reject.getMessage()).contains("3 records");
			assertThat(reject.getValue()).contains("TRACK#7");
		});
	}

	@ParameterizedTest
	@EnumSource(DuplicateKeyPolicy.class)
	void everyRecord_endsInExactlyOneOutcome(DuplicateKeyPolicy policy) {
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(this.chunk, policy);
		assertThat(resolution.toWrite().size() + resolution.dropped().size() + resolution.rejected().size())
			.isEqualTo(this.chunk.size());
		assertThat(resolution.toWrite()).extracting(MappedItem::key).doesNotHaveDuplicates();
	}

	@Test
	void sameKeyWithOtherAttributes_isADuplicate() {
		MappedItem a = version(9, 1, "a");
		MappedItem b = item("t", 9, 2, Map.of("other", AttributeValue.fromN("1")));
		assertThat(DuplicateKeys.resolve(List.of(a, b), DuplicateKeyPolicy.LAST_WINS).toWrite()).containsExactly(b);
	}

}
