package io.dynamomigrate.transform;

import io.dynamomigrate.records.RecordRejectedException;

/**
 * Receives rejected records, to write them to the rejects file and the report.
 */
@FunctionalInterface
public interface RejectSink {

	/** A sink that keeps nothing. */
	RejectSink NONE = (reject) -> {
	};

	void reject(RecordRejectedException reject);

}
