package io.dynamomigrate.source.jdbc;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.dynamomigrate.mapping.AttributeSpec;
import io.dynamomigrate.mapping.EmbedSpec;
import io.dynamomigrate.mapping.ItemSpec;
import io.dynamomigrate.mapping.Location;
import io.dynamomigrate.mapping.MappingSpec;
import io.dynamomigrate.mapping.ProblemCode;
import io.dynamomigrate.mapping.Problems;
import io.dynamomigrate.mapping.SourceSpec;

/**
 * Checks a mapping against the source database before any row is read: every source table or query can be
 * described, and every column a template, key or embedding names exists. Runs {@code SELECT * ... WHERE 1 = 0}
 * per source, which reads no rows. Thread-safe.
 */
public final class SourceSchemaCheck {

	private final DataSource dataSource;

	public SourceSchemaCheck(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Adds a problem for every unknown table, query error and unknown column. */
	public void check(MappingSpec spec, Problems problems) {
		for (ItemSpec item : spec.items()) {
			SourceSpec source = item.source();
			if (source.isFile()) {
				continue; // file sources have no schema to check before reading
			}
			Set<String> columns = columns("SELECT * FROM " + JdbcSources.fromClause(source) + " WHERE 1 = 0",
					source.label(), source.location(), problems);
			if (columns == null) {
				continue;
			}
			for (String key : source.key()) {
				column(key, columns, source.label(), source.location(), problems, "key column");
			}
			attributes(item.attributes(), columns, source.label(), problems);
			for (EmbedSpec embed : item.embeds()) {
				for (String parent : embed.parentColumns()) {
					column(parent, columns, source.label(), embed.location(), problems, "parent column");
				}
				Set<String> childColumns = columns("SELECT * FROM " + embed.table() + " WHERE 1 = 0", embed.table(),
						embed.location(), problems);
				if (childColumns != null) {
					for (String child : embed.childColumns()) {
						column(child, childColumns, embed.table(), embed.location(), problems, "child column");
					}
					for (String order : embed.orderBy()) {
						column(order, childColumns, embed.table(), embed.location(), problems, "orderBy column");
					}
					attributes(embed.attributes(), childColumns, embed.table(), problems);
				}
			}
		}
	}

	private static void attributes(List<AttributeSpec> attributes, Set<String> columns, String source,
			Problems problems) {
		for (AttributeSpec attribute : attributes) {
			for (String column : attribute.value().columns()) {
				column(column, columns, source, attribute.value().location(), problems, "column");
			}
		}
	}

	private static void column(String column, Set<String> columns, String source, Location at, Problems problems,
			String what) {
		if (!columns.contains(column.toLowerCase(java.util.Locale.ROOT))) {
			problems.add(at, ProblemCode.UNKNOWN_REFERENCE, "The " + what + " `" + column + "` does not exist in "
					+ source + ".", "Use one of: " + String.join(", ", columns) + ".");
		}
	}

	private Set<String> columns(String sql, String source, Location at, Problems problems) {
		try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
			ResultSetMetaData meta = statement.executeQuery(sql).getMetaData();
			Set<String> columns = new TreeSet<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				columns.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
			}
			return columns;
		}
		catch (SQLException ex) {
			problems.add(at, ProblemCode.UNKNOWN_REFERENCE, "Cannot read " + source + " from the source database: "
					+ ex.getMessage().lines().findFirst().orElse("") + ".",
					"Check the table name or query, and that the source user may read it.");
			return null;
		}
	}

}
