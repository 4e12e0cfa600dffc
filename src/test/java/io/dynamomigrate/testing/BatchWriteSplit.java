package io.dynamomigrate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code BatchWriteItem} request split into the write requests that go upstream and the
 * ones that are withheld and returned as {@code UnprocessedItems}, in the shape DynamoDB
 * uses: {@code {"table": [{"PutRequest": {"Item": {...}}}, {"DeleteRequest": {"Key":
 * {...}}}]}}.
 *
 * @param forwardBody the request to send upstream: the original with the withheld
 * requests removed (tables left without requests are removed too)
 * @param forwarded the write requests in {@code forwardBody}
 * @param withheld the withheld write requests by table, ready to be returned as
 * {@code UnprocessedItems}
 * @param withheldCount how many write requests were withheld
 */
record BatchWriteSplit(ObjectNode forwardBody, List<TableWrite> forwarded, ObjectNode withheld, int withheldCount) {

	static final String REQUEST_ITEMS = "RequestItems";

	static final String UNPROCESSED_ITEMS = "UnprocessedItems";

	/**
	 * Splits {@code request}, asking {@code withhold} once per write request, in request
	 * order.
	 */
	static BatchWriteSplit of(ObjectNode request, BooleanSupplier withhold) {
		ObjectNode forwardBody = request.deepCopy();
		ObjectNode forwardItems = forwardBody.putObject(REQUEST_ITEMS);
		ObjectNode withheld = request.objectNode();
		List<TableWrite> forwarded = new ArrayList<>();
		int withheldCount = 0;
		for (Map.Entry<String, JsonNode> table : request.path(REQUEST_ITEMS).properties()) {
			for (JsonNode writeRequest : table.getValue()) {
				if (withhold.getAsBoolean()) {
					arrayFor(withheld, table.getKey()).add(writeRequest);
					withheldCount++;
				}
				else {
					arrayFor(forwardItems, table.getKey()).add(writeRequest);
					forwarded.add(new TableWrite(table.getKey(), writeRequest));
				}
			}
		}
		return new BatchWriteSplit(forwardBody, List.copyOf(forwarded), withheld, withheldCount);
	}

	/** The write requests of a {@code BatchWriteItem} request, in request order. */
	static List<TableWrite> requestsOf(JsonNode request) {
		return writesIn(request.path(REQUEST_ITEMS));
	}

	/**
	 * The write requests in a {@code BatchWriteItem} response's {@code UnprocessedItems}.
	 */
	static List<TableWrite> unprocessedOf(JsonNode response) {
		return writesIn(response.path(UNPROCESSED_ITEMS));
	}

	private static List<TableWrite> writesIn(JsonNode byTable) {
		List<TableWrite> writes = new ArrayList<>();
		for (Map.Entry<String, JsonNode> table : byTable.properties()) {
			for (JsonNode writeRequest : table.getValue()) {
				writes.add(new TableWrite(table.getKey(), writeRequest));
			}
		}
		return writes;
	}

	/** Appends the withheld requests to {@code response}'s {@code UnprocessedItems}. */
	void mergeInto(ObjectNode response) {
		JsonNode existing = response.get(UNPROCESSED_ITEMS);
		ObjectNode unprocessed = (existing instanceof ObjectNode object) ? object
				: response.putObject(UNPROCESSED_ITEMS);
		for (Map.Entry<String, JsonNode> table : this.withheld.properties()) {
			ArrayNode target = arrayFor(unprocessed, table.getKey());
			table.getValue().forEach(target::add);
		}
	}

	private static ArrayNode arrayFor(ObjectNode parent, String table) {
		JsonNode existing = parent.get(table);
		return (existing instanceof ArrayNode array) ? array : parent.putArray(table);
	}

	/**
	 * One write request of a {@code BatchWriteItem} call.
	 *
	 * @param table the table name
	 * @param request {@code {"PutRequest": {"Item": ...}}} or {@code {"DeleteRequest":
	 * {"Key": ...}}}
	 */
	record TableWrite(String table, JsonNode request) {

		/**
		 * The attributes that hold the primary key: the put's item or the delete's key.
		 */
		JsonNode keySource() {
			JsonNode item = this.request.path("PutRequest").path("Item");
			return item.isObject() ? item : this.request.path("DeleteRequest").path("Key");
		}

	}

}
