package io.dynamomigrate.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Writes DynamoDB JSON 1.0 replies: relayed ones and made-up ones. Every reply carries an
 * {@code x-amz-crc32} computed over the body actually sent, which the SDK validates for
 * DynamoDB.
 */
final class WireReplies {

	static final String CONTENT_TYPE = "application/x-amz-json-1.0";

	/**
	 * Response headers not relayed: hop-by-hop, set by the server, or recomputed here.
	 */
	private static final Set<String> SKIPPED_RESPONSE_HEADERS = Set.of("connection", "keep-alive", "transfer-encoding",
			"content-length", "date", "x-amz-crc32", "trailer", "upgrade");

	private WireReplies() {
	}

	/** Relays {@code response} with {@code body} (the upstream's, or a changed one). */
	static void relay(HttpExchange exchange, HttpResponse<byte[]> response, byte[] body) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		response.headers().map().forEach((name, values) -> {
			if (!name.startsWith(":") && !SKIPPED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				headers.put(name, values);
			}
		});
		send(exchange, response.statusCode(), body);
	}

	/** A made-up JSON reply with a fresh request id. */
	static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Type", CONTENT_TYPE);
		headers.set("x-amzn-RequestId", UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT));
		send(exchange, status, body);
	}

	/** HTTP 400 {@code ProvisionedThroughputExceededException}, as DynamoDB sends it. */
	static void throttle(HttpExchange exchange) throws IOException {
		error(exchange, 400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
				"The level of configured provisioned throughput for the table was exceeded. "
						+ "Consider increasing your provisioning level with the UpdateTable API. "
						+ "(injected by FaultInjectingDynamoDbProxy)");
	}

	/** HTTP 500 {@code InternalFailure} or 503 {@code ServiceUnavailable}. */
	static void serverError(HttpExchange exchange, int status) throws IOException {
		if (status == 503) {
			error(exchange, 503, "com.amazon.coral.service#ServiceUnavailableException",
					"Service unavailable (injected by FaultInjectingDynamoDbProxy)");
		}
		else {
			error(exchange, 500, "com.amazon.coral.service#InternalFailure",
					"Internal failure (injected by FaultInjectingDynamoDbProxy)");
		}
	}

	/**
	 * HTTP 502 when the proxy itself failed (upstream unreachable, ...), unless a reply
	 * was already begun.
	 */
	static void proxyFailure(HttpExchange exchange, Exception failure) {
		if (exchange.getResponseCode() != -1) {
			return;
		}
		try {
			error(exchange, 502, "com.amazon.coral.service#InternalFailure",
					"FaultInjectingDynamoDbProxy could not serve the request: " + failure);
		}
		catch (IOException ex) {
			// the client has gone; nothing more to tell it
		}
	}

	private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
		String body = "{\"__type\":\"" + type + "\",\"message\":\"" + escape(message) + "\"}";
		json(exchange, status, body.getBytes(StandardCharsets.UTF_8));
	}

	private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		CRC32 crc = new CRC32();
		crc.update(body);
		exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "");
	}

}
