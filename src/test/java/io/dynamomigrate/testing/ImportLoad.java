package io.dynamomigrate.testing;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import io.dynamomigrate.dynamodb.client.S3Clients;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One import of {@link ImportTableDouble}, run on its own thread: creates the table in
 * dynalite, reads every object under the request's S3 key prefix in key order
 * (decompressed as {@code InputCompressionType} says), and loads each DynamoDB JSON line
 * with {@code BatchWriteItem}s of 25. A line that is not a JSON object with an
 * {@code Item} of typed values holding the table's key attributes with their declared
 * types is an error, and, as DynamoDB documents, the REST OF ITS OBJECT IS DROPPED (not
 * processed, not imported). Counters are shown only when the import has ended.
 * Thread-safe.
 */
public final class ImportLoad implements Runnable {

	/** A line the import could not load: its object, line number and why. */
	public record LineError(String key, long line, String message) {
	}

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final JsonNode request;

	private final String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/import/" + UUID.randomUUID();

	private final UpstreamClient upstream;

	private final URI s3Endpoint;

	private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private final List<LineError> errors = new CopyOnWriteArrayList<>();

	private final List<String> objectsRead = new CopyOnWriteArrayList<>();

	private final long startTime = Instant.now().getEpochSecond();

	private volatile String status = "IN_PROGRESS";

	private volatile String failure = "";

	private volatile long processed;

	private volatile long imported;

	private volatile long processedBytes;

	ImportLoad(JsonNode request, UpstreamClient upstream, URI s3Endpoint, Map<String, List<String>> headers) {
		this.request = request;
		this.upstream = upstream;
		this.s3Endpoint = s3Endpoint;
		this.headers.putAll(headers);
	}

	JsonNode request() {
		return this.request;
	}

	public String arn() {
		return this.arn;
	}

	public String status() {
		return this.status;
	}

	public long imported() {
		return this.imported;
	}

	public List<LineError> errors() {
		return List.copyOf(this.errors);
	}

	/** The keys of the objects read, in order. */
	public List<String> objectsRead() {
		return List.copyOf(this.objectsRead);
	}

	@Override
	public void run() {
		JsonNode table = this.request.path("TableCreationParameters");
		try {
			call("CreateTable", this.mapper.writeValueAsBytes(table));
			while (!"ACTIVE".equals(call("DescribeTable",
					this.mapper.writeValueAsBytes(
							this.mapper.createObjectNode().put("TableName", table.path("TableName").asString())))
				.path("Table")
				.path("TableStatus")
				.asString())) {
				Thread.sleep(20);
			}
			Map<String, String> keyTypes = new TreeMap<>();
			for (JsonNode key : table.path("KeySchema")) {
				String name = key.path("AttributeName").asString();
				for (JsonNode definition : table.path("AttributeDefinitions")) {
					if (definition.path("AttributeName").asString().equals(name)) {
						keyTypes.put(name, definition.path("AttributeType").asString());
					}
				}
			}
			String bucket = this.request.path("S3BucketSource").path("S3Bucket").asString();
			String prefix = this.request.path("S3BucketSource").path("S3KeyPrefix").asString("");
			try (S3Client s3 = S3Clients.create(this.s3Endpoint.toString(), 4)) {
				List<String> keys = new ArrayList<>();
				s3.listObjectsV2Paginator((r) -> r.bucket(bucket).prefix(prefix))
					.contents()
					.stream()
					.map(S3Object::key)
					.sorted()
					.forEach(keys::add);
				for (String key : keys) {
					load(table.path("TableName").asString(), key,
							s3.getObjectAsBytes((r) -> r.bucket(bucket).key(key)).asByteArray(), keyTypes);
				}
			}
			this.status = "COMPLETED";
		}
		catch (Exception ex) {
			this.failure = ex.toString();
			this.status = "FAILED";
		}
	}

	private void load(String table, String key, byte[] object, Map<String, String> keyTypes)
			throws IOException, InterruptedException {
		this.objectsRead.add(key);
		InputStream in = new ByteArrayInputStream(object);
		if ("GZIP".equals(this.request.path("InputCompressionType").asString("NONE"))) {
			in = new GZIPInputStream(in);
		}
		List<JsonNode> batch = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			long number = 0;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				this.processed++;
				this.processedBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
				String problem = problem(line, keyTypes);
				if (problem != null) {
					this.errors.add(new LineError(key, number, problem));
					break; // as DynamoDB documents: the rest of the object is dropped
				}
				batch.add(this.mapper.readTree(line).path("Item"));
				if (batch.size() == 25) {
					write(table, batch);
				}
			}
		}
		write(table, batch);
	}

	private String problem(String line, Map<String, String> keyTypes) {
		JsonNode item;
		try {
			item = this.mapper.readTree(line).path("Item");
		}
		catch (JacksonException ex) {
			return "not JSON: " + ex.getOriginalMessage();
		}
		if (!item.isObject()) {
			return "no Item object";
		}
		for (Map.Entry<String, JsonNode> attribute : item.properties()) {
			if (!attribute.getValue().isObject() || attribute.getValue().size() != 1) {
				return attribute.getKey() + " is not a typed value";
			}
		}
		for (Map.Entry<String, String> key : keyTypes.entrySet()) {
			if (!item.path(key.getKey()).has(key.getValue())) {
				return "the key attribute " + key.getKey() + " is missing or not of type " + key.getValue();
			}
		}
		return null;
	}

	private void write(String table, List<JsonNode> batch) throws IOException, InterruptedException {
		ObjectNode body = this.mapper.createObjectNode();
		ArrayNode requests = body.putObject("RequestItems").putArray(table);
		batch.forEach((item) -> requests.addObject().putObject("PutRequest").set("Item", item));
		while (!requests.isEmpty()) {
			JsonNode reply = call("BatchWriteItem", this.mapper.writeValueAsBytes(body));
			JsonNode unprocessed = reply.path("UnprocessedItems").path(table);
			this.imported += requests.size() - unprocessed.size();
			requests.removeAll();
			unprocessed.forEach(requests::add);
		}
		batch.clear();
	}

	private JsonNode call(String operation, byte[] body) throws IOException, InterruptedException {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.putAll(this.headers);
		headers.put("X-Amz-Target", List.of("DynamoDB_20120810." + operation));
		HttpResponse<byte[]> response = this.upstream.send("POST", URI.create("/"), headers, body);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					operation + " failed: " + new String(response.body(), StandardCharsets.UTF_8));
		}
		return this.mapper.readTree(response.body());
	}

	/** The {@code ImportTableDescription} as {@code DescribeImport} shows it now. */
	ObjectNode description(ObjectMapper json) {
		ObjectNode description = json.createObjectNode();
		boolean ended = !"IN_PROGRESS".equals(this.status);
		description.put("ImportArn", this.arn)
			.put("ImportStatus", this.status)
			.put("TableArn",
					"arn:aws:dynamodb:us-east-1:000000000000:table/"
							+ this.request.path("TableCreationParameters").path("TableName").asString())
			.put("ClientToken", this.request.path("ClientToken").asString(""))
			.put("InputFormat", this.request.path("InputFormat").asString())
			.put("InputCompressionType", this.request.path("InputCompressionType").asString("NONE"))
			.put("StartTime", this.startTime)
			.put("CloudWatchLogGroupArn", ImportTableDouble.LOG_GROUP)
			.put("ProcessedItemCount", ended ? this.processed : 0)
			.put("ImportedItemCount", ended ? this.imported : 0)
			.put("ErrorCount", ended ? this.errors.size() : 0)
			.put("ProcessedSizeBytes", ended ? this.processedBytes : 0);
		description.set("S3BucketSource", this.request.path("S3BucketSource"));
		description.set("TableCreationParameters", this.request.path("TableCreationParameters"));
		if (ended) {
			description.put("EndTime", Instant.now().getEpochSecond());
		}
		if ("FAILED".equals(this.status)) {
			description.put("FailureCode", "InternalError").put("FailureMessage", this.failure);
		}
		return description;
	}

}
