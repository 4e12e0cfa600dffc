import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import io.dynamomigrate.dynamodb.client.DirectDynamoDb;
import io.dynamomigrate.dynamodb.client.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The raw-SDK ceiling: THREADS threads send pre-built BatchWriteItem requests of 25 items (the same attributes and
 * sizes as the benchmark's items) to ENDPOINT as fast as they can, with the same client dynamo-migrate builds, until
 * N items are sent. No source, no mapping, no limiter: what the SDK and the endpoint allow on this machine. Creates
 * the table (pk, sk) when the endpoint does not have it.
 * <p>
 * With MODE {@code direct}, the same items are sent as request bodies written once, up
 * front, through dynamo-migrate's direct send path ({@link DirectDynamoDb}: the SDK's SigV4
 * signer, credentials, retry strategy and Apache 5 HTTP client, no marshalling): the floor
 * of what sending costs with the SDK's signer and HTTP client, with nothing read, mapped or
 * serialized per item.
 * Usage: RawCeiling ENDPOINT TABLE N THREADS [sdk|direct]
 */
public final class RawCeiling {

	public static void main(String[] args) throws Exception {
		URI endpoint = URI.create(args[0]);
		String table = args[1];
		long total = Long.parseLong(args[2]);
		int threads = Integer.parseInt(args[3]);
		boolean direct = args.length > 4 && args[4].equals("direct");
		List<BatchWriteItemRequest> requests = new ArrayList<>();
		for (int r = 0; r < 400; r++) {
			List<WriteRequest> writes = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				long id = r * 25L + i;
				Map<String, AttributeValue> item = new HashMap<>();
				item.put("pk", AttributeValue.fromS("USER#" + (id % 2000 + 1)));
				item.put("sk", AttributeValue.fromS("PLAY#" + id));
				item.put("trackId", AttributeValue.fromN(Long.toString(id % 9000 + 1)));
				item.put("playedAt", AttributeValue.fromS("2024-03-01T10:15:30.000Z"));
				item.put("msPlayed", AttributeValue.fromN("183000"));
				item.put("device", AttributeValue.fromS("mobile"));
				item.put("completed", AttributeValue.fromBool(true));
				writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
			}
			requests.add(BatchWriteItemRequest.builder().requestItems(Map.of(table, writes)).build());
		}
		AtomicLong sent = new AtomicLong();
		try (DynamoDbClient client = DynamoDbClients.create(endpoint, "us-east-1", true, threads + 4)) {
			createTableIfMissing(client, table);
			// the direct path, its client and its bodies only when asked for: the SDK run pays for none of them
			DirectDynamoDb lean = direct ? DirectDynamoDb.of(client, threads + 4) : null;
			IntConsumer send;
			if (lean != null) {
				List<byte[]> bodies = requests.stream().map((request) -> body(table, request)).toList();
				send = (at) -> lean.call("BatchWriteItem", bodies.get(at), lean.retryStrategy());
			}
			else {
				send = (at) -> client.batchWriteItem(requests.get(at));
			}
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			long started = System.nanoTime();
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int first = t;
				futures.add(pool.submit(() -> {
					int next = first;
					while (sent.addAndGet(25) <= total) {
						send.accept(next++ % requests.size());
					}
				}));
			}
			try {
				for (Future<?> future : futures) {
					future.get();
				}
			}
			finally {
				pool.shutdownNow();
				if (lean != null) {
					lean.close();
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("raw SDK ceiling (%s): %d items in %.1f s, %.0f items/s%n", direct ? "direct" : "sdk", total, seconds, total / seconds);
		}
	}

	/** The request's body in DynamoDB JSON (its items hold only S, N and BOOL values). */
	private static byte[] body(String table, BatchWriteItemRequest request) {
		StringBuilder json = new StringBuilder("{\"RequestItems\":{\"").append(table).append("\":[");
		String separator = "";
		for (WriteRequest write : request.requestItems().get(table)) {
			json.append(separator).append("{\"PutRequest\":{\"Item\":{");
			String comma = "";
			for (Map.Entry<String, AttributeValue> attribute : write.putRequest().item().entrySet()) {
				AttributeValue value = attribute.getValue();
				json.append(comma).append('"').append(attribute.getKey()).append("\":");
				if (value.s() != null) {
					json.append("{\"S\":\"").append(value.s()).append("\"}");
				}
				else if (value.n() != null) {
					json.append("{\"N\":\"").append(value.n()).append("\"}");
				}
				else {
					json.append("{\"BOOL\":").append(value.bool()).append('}');
				}
				comma = ",";
			}
			json.append("}}}");
			separator = ",";
		}
		return json.append("]}}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void createTableIfMissing(DynamoDbClient client, String table) {
		try {
			client.describeTable((r) -> r.tableName(table));
		}
		catch (ResourceNotFoundException ex) {
			client.createTable((r) -> r.tableName(table)
				.billingMode(BillingMode.PAY_PER_REQUEST)
				.attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
						AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
				.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
						KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
		}
	}

}
