package io.dynamomigrate.testing;

import java.util.List;

/**
 * What a {@link FaultInjectingDynamoDbProxy} saw of one {@code BatchWriteItem} call,
 * whatever became of it.
 *
 * @param writeRequests the write requests in the call (all tables)
 * @param requestBytes the size of the request body in bytes, as received
 * @param unprocessedReturned write requests returned to the client in
 * {@code UnprocessedItems}
 * @param faultInjected whether the call got a reset, a throttle or a server error instead
 * of a reply
 * @param keys the canonical primary key of each write request, in request order (as
 * {@link FaultInjectingDynamoDbProxy#writesPerKey(String)} spells them); empty when the
 * key schema could not be read
 */
public record CallStats(int writeRequests, long requestBytes, int unprocessedReturned, boolean faultInjected,
		List<String> keys) {

	public CallStats {
		keys = List.copyOf(keys);
	}

}
