package io.dynamomigrate.source.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.EmbedSpec;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.NullPolicy;
import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.records.SourcePosition;
import io.dynamomigrate.records.SourceRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.Chunk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Child rows of embeddings are fetched for a whole chunk with a constant number of
 * statements, counted at the JDBC connection of a real H2 database: one per embedding per
 * 1,000 parents, never one per parent.
 */
class EmbeddedRowsLoaderTests {

	private static final JdbcDataSource H2 = new JdbcDataSource();

	private static Connection keepAlive;

	private final AtomicInteger statements = new AtomicInteger();

	@BeforeAll
	static void createTables() throws Exception {
		H2.setURL("jdbc:h2:mem:embedded_rows_loader;DB_CLOSE_DELAY=-1");
		H2.setUser("sa");
		keepAlive = H2.getConnection();
		try (Statement s = keepAlive.createStatement()) {
			s.execute("CREATE TABLE playlist_tracks (playlist_id INT, position INT, track_id INT, "
					+ "PRIMARY KEY (playlist_id, position))");
			// playlists 1..3000, each with (id % 4) entries, positions in reverse
			// insertion order
			s.execute("INSERT INTO playlist_tracks SELECT p.x, t.x, p.x * 10 + t.x FROM SYSTEM_RANGE(1, 3000) p, "
					+ "SYSTEM_RANGE(1, 3) t WHERE t.x <= MOD(p.x, 4) ORDER BY p.x, t.x DESC");
		}
	}

	@AfterAll
	static void close() throws Exception {
		keepAlive.close();
	}

	/** A data source whose connections count every statement they prepare or create. */
	private DataSource counting() {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					Object result = invoke(method, H2, args);
					if (result instanceof Connection connection) {
						return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
								(p, m, a) -> {
									if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
											|| m.getName().equals("prepareCall")) {
										statements.incrementAndGet();
									}
									return invoke(m, connection, a);
								});
					}
					return result;
				});
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static EmbedSpec entries() {
		Template trackId = new Template("${track_id}", List.of(new Template.ColumnRef("track_id")), Location.NONE);
		return new EmbedSpec("entries", "playlist_tracks", List.of("playlist_id"), List.of("playlist_id"),
				List.of("position"), List.of(new AttributeSpec("trackId", trackId, null, NullPolicy.OMIT, null)), 1000,
				Location.NONE);
	}

	private static List<SourceRecord> parents(int count) {
		List<SourceRecord> parents = new ArrayList<>();
		for (int id = 1; id <= count; id++) {
			parents.add(new SourceRecord(Map.of("playlist_id", BigDecimal.valueOf(id)),
					new SourcePosition("playlists", Map.of("playlist_id", id))));
		}
		return parents;
	}

	@ParameterizedTest(name = "{0} parents -> {1} statements")
	@CsvSource({ "1, 1", "10, 1", "500, 1", "1000, 1", "1001, 2", "2500, 3", "3000, 3" })
	void aChunkOfParents_costsOneStatementPerThousandParents_notOnePerParent(int parents, int expected) {
		List<SourceRecord> chunk = parents(parents);
		EmbeddedRowsLoader loader = new EmbeddedRowsLoader(counting(), List.of(entries()));

		loader.beforeChunk(new Chunk<>(chunk));

		assertThat(statements.get()).isEqualTo(expected);
		for (SourceRecord parent : chunk) {
			int id = ((BigDecimal) parent.get("playlist_id")).intValue();
			List<Map<String, Object>> rows = parent.children("entries");
			assertThat(rows).as("children of %s", id).hasSize(id % 4);
			assertThat(rows).extracting((row) -> ((BigDecimal) row.get("position")).intValue())
				.as("in position order")
				.isSorted();
			assertThat(rows).extracting((row) -> ((BigDecimal) row.get("track_id")).intValue())
				.allMatch((track) -> track / 10 == id);
		}
	}

	@Test
	void twoEmbeddingsOfOneChunk_costTwoStatements() {
		EmbedSpec second = new EmbedSpec("again", "playlist_tracks", List.of("playlist_id"), List.of("playlist_id"),
				List.of(), entries().attributes(), 1000, Location.NONE);
		EmbeddedRowsLoader loader = new EmbeddedRowsLoader(counting(), List.of(entries(), second));

		loader.beforeChunk(new Chunk<>(parents(800)));

		assertThat(statements.get()).isEqualTo(2);
	}

}
