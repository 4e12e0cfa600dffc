package io.dynamomigrate.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedCaseInsensitiveMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A row's column values read as the case-insensitive map they replace reads. */
class ColumnValuesTests {

	@Test
	@SuppressWarnings("CollectionIncompatibleType") // get(3): a key that is no name is
													// absent
	void values_areFoundByAnyCaseOfTheirName_inColumnOrder() {
		ColumnValues row = new ColumnValues(new ColumnValues.Layout(new String[] { "play_id", "User_Id", "device" }),
				new Object[] { 7, 42, null });
		assertThat(row.get("play_id")).isEqualTo(7);
		assertThat(row.get("PLAY_ID")).isEqualTo(7);
		assertThat(row.get("user_id")).isEqualTo(42);
		assertThat(row.get("device")).isNull();
		assertThat(row.containsKey("DEVICE")).isTrue();
		assertThat(row.containsKey("missing")).isFalse();
		assertThat(row.get("missing")).isNull();
		assertThat(row.get(3)).isNull();
		assertThat(new ArrayList<>(row.keySet())).containsExactly("play_id", "User_Id", "device");
		assertThat(row).hasSize(3);
	}

	@Test
	void repeatedNames_behaveAsInALinkedCaseInsensitiveMap() {
		String[] labels = { "id", "name", "ID", "name", "other" };
		Object[] values = { 1, "a", 2, "b", 3 };
		LinkedCaseInsensitiveMap<Object> expected = new LinkedCaseInsensitiveMap<>();
		for (int i = 0; i < labels.length; i++) {
			expected.put(labels[i], values[i]);
		}
		ColumnValues row = new ColumnValues(new ColumnValues.Layout(labels), values);
		assertThat(new ArrayList<>(row.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
		assertThat(row).isEqualTo(expected);
		for (String name : List.of("id", "ID", "Id", "name", "NAME", "other")) {
			assertThat(row.get(name)).as(name).isEqualTo(expected.get(name));
		}
	}

	@Test
	void aRowSaysWhetherAColumnHoldsAnUnreadableValue() {
		ColumnValues.Layout layout = new ColumnValues.Layout(new String[] { "a", "b" });
		UnreadableValue nan = UnreadableValue.of("NaN", "is not a number");
		assertThat(new ColumnValues(layout, new Object[] { 1, nan }).hasUnreadable()).isTrue();
		assertThat(new ColumnValues(layout, new Object[] { 1, null }).hasUnreadable()).isFalse();
	}

	@Test
	void rows_areReadOnly() {
		ColumnValues row = new ColumnValues(new ColumnValues.Layout(new String[] { "a" }), new Object[] { 1 });
		assertThatThrownBy(() -> row.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> new ColumnValues(new ColumnValues.Layout(new String[] { "a" }), new Object[0]))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Map.copyOf(row)).containsEntry("a", 1);
	}

}
