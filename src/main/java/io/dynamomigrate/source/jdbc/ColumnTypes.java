package io.dynamomigrate.source.jdbc;

import java.sql.Types;

import io.dynamomigrate.mapping.model.AttributeType;
import org.jspecify.annotations.Nullable;

/**
 * The DynamoDB type a column takes when the mapping declares none, from its SQL type in
 * the result set's metadata: numeric types N (and MySQL's {@code YEAR} and {@code BIT(n)}
 * bit fields), boolean BOOL, binary B, JSON M or L (decided by each value: an object is
 * M, an array L), arrays L, and everything else S (text; dates, times and timestamps as
 * ISO-8601 text in UTC; a MySQL {@code TIME} outside a day as the database's text).
 * {@link JdbcValues} reads each SQL type as the one Java type that
 * {@code Values.inferredType} maps to the same DynamoDB type, so the types checked here
 * before the run are the types written during it. Thread-safe.
 */
public final class ColumnTypes {

	private ColumnTypes() {
	}

	/**
	 * The inferred type of a column.
	 * @param sqlType the {@link java.sql.Types} code
	 * @param typeName the database's type name (to recognise json and jsonb, and MySQL's
	 * {@code YEAR})
	 * @param precision the column's precision from the metadata (a {@code BIT(n)} column
	 * with n over 1 is a bit field, written as a number, not a boolean)
	 * @return the type, or null for JSON columns, which are M or L depending on the value
	 */
	public static @Nullable AttributeType inferred(int sqlType, @Nullable String typeName, int precision) {
		if (MySqlValues.isBitField(sqlType, precision)
				|| (sqlType == Types.DATE && "YEAR".equalsIgnoreCase(typeName))) {
			return AttributeType.N;
		}
		return switch (sqlType) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL, Types.REAL,
					Types.FLOAT, Types.DOUBLE ->
				AttributeType.N;
			case Types.BOOLEAN, Types.BIT -> AttributeType.BOOL;
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> AttributeType.B;
			case Types.ARRAY -> AttributeType.L;
			default -> JdbcValues.isJson(typeName) ? null : AttributeType.S;
		};
	}

}
