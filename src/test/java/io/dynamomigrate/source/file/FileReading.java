package io.dynamomigrate.source.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.CsvSpec;
import io.dynamomigrate.mapping.model.FileFormat;
import io.dynamomigrate.mapping.model.FileSourceSpec;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Test support: reads a file source to the end the way a step does, keeping records and
 * rejects in order.
 */
final class FileReading {

	private FileReading() {
	}

	static FileSourceSpec spec(Path path, @Nullable FileFormat format) {
		return spec(path, format, CsvSpec.DEFAULT, FileSourceSpec.DEFAULT_MAX_RECORD_SIZE);
	}

	static FileSourceSpec spec(Path path, @Nullable FileFormat format, CsvSpec csv, int maxRecordSize) {
		return new FileSourceSpec(path.getFileName().toString(), path.getParent(), format, csv, maxRecordSize);
	}

	/** Everything the source yields: records and rejects. */
	static List<Outcome> readAll(FileSourceSpec spec) throws Exception {
		return read(spec, new ExecutionContext(), Integer.MAX_VALUE).outcomes();
	}

	/**
	 * Reads at most {@code limit} outcomes starting from a saved context, then saves the
	 * position into it.
	 */
	static Result read(FileSourceSpec spec, ExecutionContext context, int limit) throws Exception {
		FileSourceReader reader = new FileSourceReader("test.reader", spec);
		reader.open(context);
		List<Outcome> outcomes = new ArrayList<>();
		try {
			while (outcomes.size() < limit) {
				try {
					SourceRecord record = reader.read();
					if (record == null) {
						break;
					}
					outcomes.add(new Outcome(record.position().source(), line(record.position().key()), record.values(),
							null, null));
				}
				catch (RecordRejectedException reject) {
					outcomes.add(new Outcome(reject.getPosition().source(), line(reject.getPosition().key()), null,
							reject.getReason().name(), reject.getMessage()));
				}
			}
			reader.update(context);
		}
		finally {
			reader.close();
		}
		return new Result(outcomes, context);
	}

	private static long line(Map<String, Object> key) {
		return (Long) key.get("line");
	}

	record Result(List<Outcome> outcomes, ExecutionContext context) {
	}

	/** A record (values) or a reject (reason, message) at a file and line. */
	record Outcome(String file, long line, @Nullable Map<String, @Nullable Object> values, @Nullable String reason,
			@Nullable String message) {

		boolean isReject() {
			return reason != null;
		}

		@Nullable Object get(String column) {
			return values == null ? null : values.get(column);
		}

		@Override
		public String toString() {
			return line + ":" + (reason != null ? reason : values);
		}

	}

}
