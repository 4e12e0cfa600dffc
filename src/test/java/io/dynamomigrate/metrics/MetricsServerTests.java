package io.dynamomigrate.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.dynamomigrate.dynamodb.write.BatchWriteItemWriter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsServerTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final AtomicReference<Health> health = new AtomicReference<>(Health.up("last run COMPLETED"));

	private final HttpClient http = HttpClient.newHttpClient();

	private MetricsServer server;

	@BeforeEach
	void start() {
		server = MetricsServer.start("127.0.0.1", 0, registry, health::get);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void metrics_areServedAsPrometheusText() throws Exception {
		MigrationMetrics metrics = new MigrationMetrics(registry);
		StepExecutionListener listener = metrics.stepListener("music", "plays", "Plays");
		StepExecution step = new StepExecution("plays",
				new JobExecution(1L, new JobInstance(1L, "music"), new JobParameters()));
		listener.beforeStep(step);
		step.setWriteCount(42);
		listener.afterStep(step);
		metrics.watermark("music", "plays", Instant.now().minusSeconds(3600));

		HttpResponse<String> response = get("/metrics", "GET");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
		assertThat(response.body()).contains("# TYPE dynamo_migrate_items_written_total counter",
				"dynamo_migrate_items_written_total{item=\"plays\",mapping=\"music\",table=\"Plays\"} 42.0",
				"dynamo_migrate_deletes_total{item=\"plays\",mapping=\"music\",table=\"Plays\"} 0.0",
				"dynamo_migrate_write_units_total{", "dynamo_migrate_throttles_total{", "dynamo_migrate_rejects_total{",
				"dynamo_migrate_watermark_lag_seconds{item=\"plays\",mapping=\"music\"} 3600.");
	}

	@Test
	void health_isUpWhileTheSupplierSaysSo() throws Exception {
		HttpResponse<String> response = get("/health", "GET");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualToIgnoringNewLines("{\"status\":\"UP\",\"detail\":\"last run COMPLETED\"}");
	}

	@Test
	void health_isServiceUnavailableWhenDown() throws Exception {
		health.set(Health.down("last run FAILED: \"plays\" step\nthrottled"));

		HttpResponse<String> response = get("/health", "GET");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).isEqualToIgnoringNewLines(
				"{\"status\":\"DOWN\",\"detail\":\"last run FAILED: \\\"plays\\\" step\\nthrottled\"}");
	}

	@Test
	void health_isDownWhenTheSupplierFails() throws Exception {
		MetricsServer failing = MetricsServer.start("127.0.0.1", 0, registry, () -> {
			throw new IllegalStateException("repository unreachable");
		});
		try (failing) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + failing.port() + "/health")).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.body()).contains("\"status\":\"DOWN\"", "IllegalStateException");
		}
	}

	@Test
	void unknownPath_isNotFound() throws Exception {
		assertThat(get("/", "GET").statusCode()).isEqualTo(404);
		assertThat(get("/metrics/extra", "GET").statusCode()).isEqualTo(404);
	}

	@Test
	void otherMethods_areNotAllowed() throws Exception {
		HttpResponse<String> post = get("/metrics", "POST");
		HttpResponse<String> head = get("/health", "HEAD");

		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.headers().firstValue("Allow")).hasValue("GET");
		assertThat(head.statusCode()).isEqualTo(405);
		assertThat(head.body()).isEmpty();
	}

	private HttpResponse<String> get(String path, String method) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
