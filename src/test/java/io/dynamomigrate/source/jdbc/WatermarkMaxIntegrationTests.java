package io.dynamomigrate.source.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.source.jdbc.Watermark.Kind;
import io.dynamomigrate.testing.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Watermark#max}: the largest value of a column, read from PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatermarkMaxIntegrationTests {

	private static final String SCHEMA = "dm_ut_watermark";

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource();

	@BeforeAll
	void createTables() throws SQLException {
		Postgres.recreateSchema(SCHEMA);
		dataSource.setUrl(Postgres.url(SCHEMA));
		dataSource.setUsername(Postgres.USER);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE events (id bigint PRIMARY KEY, updated_at timestamp, changed_at timestamptz, "
					+ "day date, version bigint, status varchar(10))");
			s.execute("INSERT INTO events VALUES "
					+ "(1, '2024-03-01 10:00:00', '2024-03-01 10:00:00+02', '2024-03-01', 5, 'a'), "
					+ "(2, '2024-03-02 11:30:15.25', '2024-03-02 00:00:00+00', '2024-03-02', 17, 'b'), "
					+ "(3, '2024-02-01 00:00:00', '2024-01-01 12:00:00+05', '2024-02-01', 3, 'a')");
			s.execute("CREATE TABLE nothing (id bigint PRIMARY KEY, updated_at timestamp)");
		}
	}

	@AfterAll
	void dropSchema() throws SQLException {
		Postgres.dropSchema(SCHEMA);
	}

	private SourceSpec events(String where) {
		return new SourceSpec("events", null, List.of("id"), where, new Location(3, 7));
	}

	private long rowsAfter(String column, Watermark mark) throws SQLException {
		try (Connection c = dataSource.getConnection();
				PreparedStatement query = c.prepareStatement("SELECT count(*) FROM events WHERE " + column + " > ?")) {
			query.setObject(1, mark.jdbcValue());
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	@Test
	void timestampColumn_givesATimestampMark_thatBindsBackAsItsBound() throws SQLException {
		Watermark mark = Watermark.max(dataSource, events(null), "updated_at").orElseThrow();

		assertThat(mark).isEqualTo(new Watermark(Kind.TIMESTAMP, "2024-03-02T11:30:15.250"));
		assertThat(rowsAfter("updated_at", mark)).isZero();
		assertThat(rowsAfter("updated_at", mark.minus("250ms"))).isOne();
	}

	@Test
	void timestampWithZoneColumn_givesTheInstantOfTheLargestValue_thatBindsBackAsItsBound() throws SQLException {
		Watermark mark = Watermark.max(dataSource, events(null), "changed_at").orElseThrow();

		assertThat(mark.instant()).contains(Instant.parse("2024-03-02T00:00:00Z"));
		assertThat(rowsAfter("changed_at", mark)).isZero();
		assertThat(rowsAfter("changed_at", mark.minus("1s"))).isOne();
	}

	@Test
	void timestampWithZoneColumn_givesATimestampWithZoneMark() {
		Watermark mark = Watermark.max(dataSource, events(null), "changed_at").orElseThrow();

		assertThat(mark.kind()).isEqualTo(Kind.TIMESTAMPTZ);
		assertThat(OffsetDateTime.parse(mark.text()).toInstant()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
	}

	@Test
	void dateColumn_givesADateMark() {
		assertThat(Watermark.max(dataSource, events(null), "day")).contains(new Watermark(Kind.DATE, "2024-03-02"));
	}

	@Test
	void bigintColumn_givesANumberMark_thatBindsBackAsItsBound() throws SQLException {
		Watermark mark = Watermark.max(dataSource, events(null), "version").orElseThrow();

		assertThat(mark).isEqualTo(new Watermark(Kind.NUMBER, "17"));
		assertThat(rowsAfter("version", mark)).isZero();
		assertThat(rowsAfter("version", mark.minus("12"))).isOne();
	}

	@Test
	void where_isHonoured() {
		assertThat(Watermark.max(dataSource, events("status = 'a'"), "version"))
			.contains(new Watermark(Kind.NUMBER, "5"));
	}

	@Test
	void querySource_isReadAsADerivedTable() {
		SourceSpec query = new SourceSpec(null, "SELECT id, version FROM events WHERE status = 'a' AND id > 1",
				List.of("id"), null, new Location(3, 7));

		assertThat(Watermark.max(dataSource, query, "version")).contains(new Watermark(Kind.NUMBER, "3"));
	}

	@Test
	void emptyTable_givesNoMark() {
		SourceSpec nothing = new SourceSpec("nothing", null, List.of("id"), null, new Location(3, 7));

		assertThat(Watermark.max(dataSource, nothing, "updated_at")).isEmpty();
	}

	@Test
	void noMatchingRow_givesNoMark() {
		assertThat(Watermark.max(dataSource, events("status = 'z'"), "version")).isEmpty();
	}

	@Test
	void unknownColumn_isASourceUnavailableException_namingTheSourceAndTheColumn() {
		assertThatThrownBy(() -> Watermark.max(dataSource, events(null), "no_such_column"))
			.isInstanceOf(SourceUnavailableException.class)
			.hasMessageStartingWith("Cannot read the high-water mark of events.no_such_column "
					+ "(SELECT MAX(no_such_column) FROM events): ")
			.hasMessageContaining("no_such_column\" does not exist");
	}

}
