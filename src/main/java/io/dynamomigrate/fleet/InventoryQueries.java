package io.dynamomigrate.fleet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.source.jdbc.JdbcSources;

/**
 * Runs a fleet's inventory query on a read-only connection opened as sources are
 * (DESIGN.md invariant 10: a write fails), and returns its rows as variables: column
 * label in lower case to value as text (SQL NULL as an empty value).
 */
final class InventoryQueries {

	private InventoryQueries() {
	}

	static List<Map<String, String>> rows(ConnectionSpec connection, String sql) throws Exception {
		List<Map<String, String>> rows = new ArrayList<>();
		try (HikariDataSource source = JdbcSources.open(connection, 1);
				Connection jdbc = source.getConnection();
				Statement statement = jdbc.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			ResultSetMetaData columns = result.getMetaData();
			while (result.next()) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					String value = result.getString(i);
					row.put(columns.getColumnLabel(i).toLowerCase(Locale.ROOT), value == null ? "" : value);
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
