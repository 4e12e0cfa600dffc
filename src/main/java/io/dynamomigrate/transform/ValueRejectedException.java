package io.dynamomigrate.transform;

import io.dynamomigrate.records.RejectReason;

/**
 * A value that cannot become its attribute, with the reject reason to report. The message
 * is a phrase that completes "the value …".
 */
final class ValueRejectedException extends IllegalArgumentException {

	private final RejectReason reason;

	ValueRejectedException(RejectReason reason, String phrase) {
		super(phrase);
		this.reason = reason;
	}

	RejectReason reason() {
		return reason;
	}

}
