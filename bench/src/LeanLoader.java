import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjIntConsumer;

import io.dynamomigrate.dynamodb.client.DirectDynamoDb;
import io.dynamomigrate.dynamodb.client.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The leanest loader of the benchmark's rows a user could write with the SDK's signer and
 * HTTP client: READERS threads read key ranges of {@code plays} with plain JDBC (fetch size
 * 1,000), write each 25 rows' {@code BatchWriteItem} body straight into a StringBuilder
 * (the benchmark's attributes; no escaping, no size or duplicate-key check, no mapping
 * language, no checkpoint, no retry of unprocessed items) and hand it to THREADS senders
 * that post it through dynamo-migrate's direct send path ({@link DirectDynamoDb}: the SDK's
 * SigV4 signer, credentials, retry strategy and Apache 5 HTTP client). What reading,
 * serializing and sending alone cost: the floor under any loader on this stack.
 * Usage: LeanLoader ENDPOINT TABLE JDBC_URL USER THREADS READERS
 */
public final class LeanLoader {

	public static void main(String[] args) throws Exception {
		URI endpoint = URI.create(args[0]);
		String table = args[1];
		String url = args[2];
		String user = args[3];
		int threads = Integer.parseInt(args[4]);
		int readers = Integer.parseInt(args[5]);
		long started = System.nanoTime();
		long[] bounds;
		try (Connection connection = DriverManager.getConnection(url, user, "");
				ResultSet rs = connection.createStatement().executeQuery("SELECT MIN(play_id), MAX(play_id) FROM plays")) {
			rs.next();
			bounds = new long[] { rs.getLong(1) - 1, rs.getLong(2) };
		}
		AtomicLong sent = new AtomicLong();
		try (DynamoDbClient client = DynamoDbClients.create(endpoint, "us-east-1", true, threads + 4);
				DirectDynamoDb lean = DirectDynamoDb.of(client, threads + 4)) {
			ThreadPoolExecutor senders = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
					new ArrayBlockingQueue<>(threads), new ThreadPoolExecutor.CallerRunsPolicy());
			ExecutorService reading = Executors.newFixedThreadPool(readers);
			List<Future<?>> futures = new ArrayList<>();
			long width = (bounds[1] - bounds[0] + readers - 1) / readers;
			for (int r = 0; r < readers; r++) {
				long from = bounds[0] + r * width;
				long to = Math.min(bounds[1], from + width);
				futures.add(reading.submit(() -> {
					read(url, user, table, from, to, (body, items) -> senders.execute(() -> {
						lean.call("BatchWriteItem", body, lean.retryStrategy());
						sent.addAndGet(items);
					}));
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			reading.shutdown();
			senders.shutdown();
			senders.awaitTermination(1, TimeUnit.MINUTES);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("lean loader: %d items in %.1f s, %.0f items/s%n", sent.get(), seconds, sent.get() / seconds);
	}

	/** Reads the plays with from < play_id <= to and hands their bodies of 25 to {@code bodies}, with their counts. */
	private static void read(String url, String user, String table, long from, long to, ObjIntConsumer<byte[]> bodies)
			throws Exception {
		String opening = "{\"RequestItems\":{\"" + table + "\":[";
		try (Connection connection = DriverManager.getConnection(url, user, "")) {
			connection.setAutoCommit(false);
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT play_id, user_id, track_id, played_at, ms_played, device, completed FROM plays"
							+ " WHERE play_id > ? AND play_id <= ? ORDER BY play_id")) {
				select.setFetchSize(1000);
				select.setLong(1, from);
				select.setLong(2, to);
				try (ResultSet rs = select.executeQuery()) {
					StringBuilder json = new StringBuilder(8192);
					int count = 0;
					while (rs.next()) {
						json.append(count == 0 ? opening : ",")
							.append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"USER#")
							.append(rs.getInt(2))
							.append("\"},\"sk\":{\"S\":\"PLAY#")
							.append(rs.getLong(1))
							.append("\"},\"trackId\":{\"N\":\"")
							.append(rs.getInt(3))
							.append("\"},\"playedAt\":{\"S\":\"")
							.append(rs.getObject(4, LocalDateTime.class))
							.append("\"},\"msPlayed\":{\"N\":\"")
							.append(rs.getInt(5))
							.append("\"},\"device\":{\"S\":\"")
							.append(rs.getString(6))
							.append("\"},\"completed\":{\"BOOL\":")
							.append(rs.getBoolean(7))
							.append("}}}}");
						if (++count == 25) {
							bodies.accept(body(json), count);
							count = 0;
						}
					}
					if (count > 0) {
						bodies.accept(body(json), count);
					}
				}
			}
		}
	}

	/** The request written so far, closed, as bytes; empties {@code json} for the next one. */
	private static byte[] body(StringBuilder json) {
		byte[] body = json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
		json.setLength(0);
		return body;
	}

}
