package io.dynamomigrate.job;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Secrets never appear anywhere the tool writes (DESIGN.md invariant 8). Fifteen distinct
 * secrets are given in every form a user may give them: a URL's user info (mapping and
 * command line), a JDBC URL's {@code password=} (mapping, an environment default and
 * {@code --source-url}), a quoted {@code "password":} key, a block scalar, a flow value
 * holding {@code ,} {@code #} and {@code }}, an {@code { env, default }} default, an
 * environment variable named by the mapping, {@code --source-password},
 * {@code $DYNAMO_MIGRATE_SOURCE_PASSWORD} and
 * {@code $DYNAMO_MIGRATE_REPOSITORY_PASSWORD}. Then {@code dry-run}, {@code run} (with a
 * reject), {@code verify}, {@code status} and {@code schedule} run as separate processes
 * (the packaged jar, so the log output is theirs), and every channel is searched for
 * every secret: the console (stdout and stderr, where the log goes), every file in the
 * state directory (rejects, dry-run and verify reports, logs), every column of every
 * table of the PostgreSQL job repository, and the metrics and health endpoints.
 */
@Invariant(8)
class SecretsIntegrationTests {

	private static final String SCHEMA = "dm_it_secrets";

	private static final String REPOSITORY = "dm_it_secrets_repository";

	private static final List<String> SECRETS = IntStream.rangeClosed(1, 15)
		.mapToObj((i) -> String.format("sekret%02dzq", i))
		.toList();

	@TempDir
	Path temp;

	private final Map<String, String> console = new LinkedHashMap<>();

	@BeforeEach
	void setUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(SCHEMA);
		Postgres.recreateSchema(REPOSITORY);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE notes (id INT PRIMARY KEY, amount TEXT)");
			s.execute("INSERT INTO notes SELECT n, CASE WHEN n = 7 THEN 'not a number' ELSE n::text END "
					+ "FROM generate_series(1, 20) n");
		}
	}

	@AfterEach
	void tearDown() throws SQLException {
		Postgres.dropSchema(SCHEMA);
		Postgres.dropSchema(REPOSITORY);
	}

	@Test
	void fifteenSecrets_appearInNoChannel() throws Exception {
		String endpoint = SharedDynalite.endpoint().toString();
		String withUserInfo = endpoint.replace("http://", "http://ak:" + secret(1) + "@");
		String url = Postgres.url(SCHEMA);
		Path a = mapping("secrets-a", """
				source:
				  url: "%s&password=%s"
				  user: postgres
				  "password": "%s"
				dynamodb:
				  endpoint: "%s"
				""".formatted(url, secret(2), secret(3), withUserInfo));
		Path b = mapping("secrets-b", """
				source:
				  url: { env: DM_SECRETS_UNSET_URL, default: "%s&password=%s" }
				  user: postgres
				  password: |
				    %s
				""".formatted(url, secret(5), secret(4)));
		Path c = mapping("secrets-c", """
				source: { url: "%s", user: postgres, password: "x,%s #%s}%s" }
				""".formatted(url, secret(6), secret(7), secret(8)));
		Path d = mapping("secrets-d", """
				source:
				  url: "%s"
				  user: postgres
				  password: { env: DM_SECRETS_UNSET, default: %s }
				""".formatted(url, secret(9)));
		Path e = mapping("secrets-e", """
				source:
				  url: "%s"
				  user: postgres
				  password: { env: DM_SECRETS_SET }
				""".formatted(url));
		String otherEndpoint = endpoint.replace("http://", "http://ak:" + secret(14) + "@");
		Path state = temp.resolve("state");

		int readyWithWarnings = 5; // the reject is a warning
		assertThat(cli("dry-run", a.toString(), "--source-url", url + "&password=" + secret(15), "--endpoint-url",
				otherEndpoint, "--report", state.resolve("dry-run").toString()))
			.as(this::last)
			.isEqualTo(readyWithWarnings);
		assertThat(cli("run", a.toString(), "--source-password", secret(11))).as(this::last)
			.isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		assertThat(cli("verify", a.toString(), "--endpoint-url", otherEndpoint, "--report",
				state.resolve("verify").toString()))
			.as(this::last)
			.isNotEqualTo(ExitCodes.INVALID);
		assertThat(last()).contains("Verifying secrets-a against http://****@127.0.0.1:");
		for (Path mapping : List.of(b, c, d, e)) {
			assertThat(cli("run", mapping.toString(), "--endpoint-url", endpoint)).as(this::last)
				.isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		}
		assertThat(cli("status", "--limit", "10")).as(this::last).isZero();
		String metrics = scheduleMetrics(a);

		assertThat(Files.list(state.resolve("rejects")).toList()).isNotEmpty();
		Map<String, String> channels = new LinkedHashMap<>(console);
		channels.putAll(stateFiles(state));
		channels.putAll(repositoryTables());
		channels.put("metrics and health", metrics);
		assertThat(channels.keySet()).anyMatch((k) -> k.contains("BATCH_JOB_EXECUTION_CONTEXT"))
			.anyMatch((k) -> k.contains("dry-run"))
			.anyMatch((k) -> k.contains("verify"));
		List<String> leaks = new ArrayList<>();
		channels.forEach((channel, text) -> SECRETS.stream()
			.filter(text::contains)
			.forEach((secret) -> leaks.add(secret + " in " + channel + ": " + around(text, secret))));
		assertThat(channels.get("job repository table BATCH_JOB_EXECUTION_CONTEXT"))
			.as("the stored mapping text is searched, decoded")
			.contains("amount: { value: \"${amount}\", type: N }");
		assertThat(leaks).as("secrets found").isEmpty();
		assertThat(console.get("run " + a)).contains("Target: http://****@127.0.0.1:");
	}

	/** The console of the last command. */
	private String last() {
		return List.copyOf(console.values()).get(console.size() - 1);
	}

	private static String secret(int n) {
		return SECRETS.get(n - 1);
	}

	private Path mapping(String name, String connection) throws IOException {
		Path file = temp.resolve(name + ".yml");
		Files.writeString(file, "name: " + name + "\n" + connection + """
				tables:
				  - name: secrets-notes
				    partitionKey: { name: id, type: N }
				items:
				  - name: notes
				    table: secrets-notes
				    source: { table: notes, key: [id] }
				    attributes:
				      id: "${id}"
				      amount: { value: "${amount}", type: N }
				""");
		return file;
	}

	/**
	 * Runs the jar with the given arguments (and the job repository and state directory);
	 * returns its exit code.
	 */
	private int cli(String... args) throws Exception {
		String name = String.join(" ", List.of(args).subList(0, Math.min(2, args.length)));
		Path output = temp.resolve("console-" + console.size() + ".txt");
		Process process = start(args).redirectOutput(output.toFile()).start();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(name).isTrue();
		console.put(name, Files.readString(output));
		return process.exitValue();
	}

	private ProcessBuilder start(String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						System.getProperty("dynamo-migrate.jar")));
		command.addAll(List.of(args));
		command.addAll(List.of("--repository-url", Postgres.url(REPOSITORY), "--repository-user", Postgres.USER,
				"--state-dir", temp.resolve("state").toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("DM_SECRETS_SET", secret(10));
		builder.environment().put("DYNAMO_MIGRATE_SOURCE_PASSWORD", secret(12));
		builder.environment().put("DYNAMO_MIGRATE_REPOSITORY_PASSWORD", secret(13));
		return builder;
	}

	/**
	 * Runs {@code schedule --run-now} and returns what its metrics and health endpoints
	 * serve after the run.
	 */
	private String scheduleMetrics(Path mapping) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path output = temp.resolve("console-schedule.txt");
		Process schedule = start("schedule", mapping.toString(), "--cron", "0 0 0 1 1 ?", "--run-now", "--metrics-port",
				Integer.toString(port), "--metrics-host", "127.0.0.1")
			.redirectOutput(output.toFile())
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			AtomicReference<String> health = new AtomicReference<>("");
			await().atMost(Duration.ofMinutes(2))
				.pollInSameThread()
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> {
					assertThat(schedule.isAlive()).as(Files.readString(output)).isTrue();
					try {
						health.set(get(http, port, "/health"));
					}
					catch (IOException ex) { // not listening yet
					}
					return health.get().contains("last tick");
				});
			assertThat(health.get()).as(Files.readString(output)).contains("last tick");
			return get(http, port, "/metrics") + "\n" + health.get();
		}
		finally {
			schedule.destroy();
			schedule.waitFor(30, TimeUnit.SECONDS);
			console.put("schedule", Files.readString(output));
		}
	}

	private static String get(HttpClient http, int port, String path) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/** Every file in the state directory, by path. */
	private static Map<String, String> stateFiles(Path state) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		try (Stream<Path> all = Files.walk(state)) {
			for (Path file : all.filter(Files::isRegularFile).toList()) {
				files.put(state.relativize(file).toString(),
						new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
			}
		}
		return files;
	}

	/** Every row of every table of the job repository, every column as text, by table. */
	private static Map<String, String> repositoryTables() throws SQLException {
		Map<String, String> tables = new LinkedHashMap<>();
		try (Connection c = Postgres.connect(REPOSITORY); Statement s = c.createStatement()) {
			List<String> names = new ArrayList<>();
			try (ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables "
					+ "WHERE table_schema = '" + REPOSITORY + "'")) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
			assertThat(names).contains("batch_job_execution_context", "batch_job_execution_params");
			for (String name : names) {
				StringBuilder text = new StringBuilder();
				try (ResultSet rows = s.executeQuery("SELECT * FROM " + name)) {
					ResultSetMetaData meta = rows.getMetaData();
					while (rows.next()) {
						for (int i = 1; i <= meta.getColumnCount(); i++) {
							String value = rows.getString(i);
							text.append(value).append('\t').append(decoded(value)).append('\t');
						}
						text.append('\n');
					}
				}
				tables.put("job repository table " + name.toUpperCase(), text.toString());
			}
		}
		return tables;
	}

	/**
	 * A Base64 value decoded (Spring Batch stores execution contexts as Base64 of a
	 * Java-serialized map, in which ASCII text is kept as is), or nothing.
	 */
	private static String decoded(@Nullable String value) {
		if (value == null || value.length() < 8) {
			return "";
		}
		try {
			return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.ISO_8859_1);
		}
		catch (IllegalArgumentException ex) { // not Base64
			return "";
		}
	}

	private static String around(String text, String secret) {
		int at = text.indexOf(secret);
		return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + secret.length() + 20))
			.replace('\n', ' ');
	}

}
