package io.dynamomigrate.job;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items the sample mappings must produce, computed straight from the source rows with
 * plain JDBC and written out by hand for each entity, independently of the tool's mapper:
 * the oracle of the sample integration tests.
 */
final class ExpectedSampleItems {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
			Locale.ROOT);

	private final Connection connection;

	ExpectedSampleItems(Connection connection) {
		this.connection = connection;
	}

	/**
	 * music-tables.yml: each table's rows, every non-null column as an attribute of the
	 * same name.
	 */
	Map<String, List<Map<String, AttributeValue>>> recordToRecord() throws SQLException {
		Map<String, List<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
		for (String table : List.of("artists", "albums", "tracks", "users", "playlists", "playlist_tracks", "plays")) {
			List<Map<String, AttributeValue>> items = new ArrayList<>();
			for (Map<String, Object> row : rows("SELECT * FROM " + table)) {
				Map<String, AttributeValue> item = new HashMap<>();
				row.forEach((column, value) -> {
					if (value != null) {
						item.put(column, natural(value));
					}
				});
				items.add(item);
			}
			tables.put(table, items);
		}
		return tables;
	}

	/** music-catalog.yml: the single-table design, entity by entity. */
	List<Map<String, AttributeValue>> singleTable() throws SQLException {
		List<Map<String, AttributeValue>> items = new ArrayList<>();
		for (Map<String, Object> r : rows("SELECT * FROM artists")) {
			Map<String, AttributeValue> item = new HashMap<>();
			item.put("pk", s("ARTIST#" + r.get("artist_id")));
			item.put("sk", s("PROFILE"));
			item.put("type", s("ARTIST"));
			item.put("artistId", n(r.get("artist_id")));
			item.put("name", s(r.get("name")));
			item.put("country", s(r.get("country")));
			putIfNotNull(item, "formedYear", r.get("formed_year"));
			item.put("verified", AttributeValue.fromBool((Boolean) r.get("verified")));
			item.put("monthlyListeners", n(r.get("monthly_listeners")));
			putIfNotNull(item, "avatarHash", r.get("avatar_hash"));
			putIfNotNull(item, "rating", r.get("rating"));
			item.put("gsi1pk", s("COUNTRY#" + r.get("country")));
			item.put("gsi1sk", s("ARTIST#" + r.get("name")));
			items.add(item);
		}
		for (Map<String, Object> r : rows("SELECT * FROM albums")) {
			Map<String, AttributeValue> item = new HashMap<>();
			item.put("pk", s("ARTIST#" + r.get("artist_id")));
			item.put("sk", s("ALBUM#" + r.get("release_date") + "#" + r.get("album_id")));
			item.put("type", s("ALBUM"));
			item.put("albumId", n(r.get("album_id")));
			item.put("artistId", n(r.get("artist_id")));
			item.put("title", s(r.get("title")));
			item.put("releaseDate", s(r.get("release_date").toString()));
			item.put("albumType", s(r.get("album_type")));
			item.put("label", r.get("label") == null ? AttributeValue.fromNul(true) : s(r.get("label")));
			item.put("gsi1pk", s("ALBUM#" + r.get("album_id")));
			item.put("gsi1sk", s("ALBUM"));
			items.add(item);
		}
		for (Map<String, Object> r : rows("SELECT * FROM tracks")) {
			Map<String, AttributeValue> item = new HashMap<>();
			item.put("pk", s("ALBUM#" + r.get("album_id")));
			item.put("sk", s(String.format(Locale.ROOT, "TRACK#%03d", ((Number) r.get("track_number")).intValue())));
			item.put("type", s("TRACK"));
			item.put("trackId", n(r.get("track_id")));
			item.put("trackNumber", n(r.get("track_number")));
			item.put("title", s(r.get("title")));
			item.put("durationMs", n(r.get("duration_ms")));
			item.put("explicit", AttributeValue.fromBool((Boolean) r.get("explicit")));
			item.put("isrc", s(r.get("isrc")));
			item.put("price", n(r.get("price")));
			items.add(item);
		}
		for (Map<String, Object> r : rows("SELECT * FROM users")) {
			Map<String, AttributeValue> item = new HashMap<>();
			item.put("pk", s("USER#" + r.get("user_id")));
			item.put("sk", s("PROFILE"));
			item.put("type", s("USER"));
			item.put("userId", n(r.get("user_id")));
			item.put("username", s(r.get("username")));
			item.put("email", s(r.get("email")));
			item.put("displayName", s(r.get("display_name") == null ? "" : r.get("display_name")));
			item.put("country", s(r.get("country")));
			item.put("plan", s(r.get("plan")));
			item.put("createdAt", natural(r.get("created_at")));
			putIfNotNull(item, "birthYear", r.get("birth_year"));
			item.put("gsi1pk", s("USERNAME#" + r.get("username")));
			item.put("gsi1sk", s("USER"));
			items.add(item);
		}
		Map<Object, List<AttributeValue>> entries = new HashMap<>();
		for (Map<String, Object> r : rows("SELECT * FROM playlist_tracks ORDER BY playlist_id, position")) {
			entries.computeIfAbsent(r.get("playlist_id").toString(), (k) -> new ArrayList<>())
				.add(AttributeValue.fromM(Map.of("position", n(r.get("position")), "trackId", n(r.get("track_id")),
						"addedAt", natural(r.get("added_at")))));
		}
		for (Map<String, Object> r : rows("SELECT * FROM playlists")) {
			Map<String, AttributeValue> item = new HashMap<>();
			item.put("pk", s("USER#" + r.get("owner_user_id")));
			item.put("sk", s("PLAYLIST#" + r.get("playlist_id")));
			item.put("type", s("PLAYLIST"));
			item.put("playlistId", n(r.get("playlist_id")));
			item.put("name", s(r.get("name")));
			putIfNotNull(item, "description", r.get("description"));
			item.put("public", AttributeValue.fromBool((Boolean) r.get("is_public")));
			item.put("createdAt", natural(r.get("created_at")));
			item.put("entries", AttributeValue.fromL(entries.getOrDefault(r.get("playlist_id").toString(), List.of())));
			items.add(item);
		}
		for (Map<String, Object> r : rows("SELECT * FROM plays")) {
			Map<String, AttributeValue> item = new HashMap<>();
			item.put("pk", s("USER#" + r.get("user_id")));
			item.put("sk", s("PLAY#" + natural(r.get("played_at")).s() + "#" + r.get("play_id")));
			item.put("type", s("PLAY"));
			item.put("trackId", n(r.get("track_id")));
			item.put("msPlayed", n(r.get("ms_played")));
			item.put("device", s(r.get("device")));
			item.put("completed", AttributeValue.fromBool((Boolean) r.get("completed")));
			items.add(item);
		}
		return items;
	}

	private static void putIfNotNull(Map<String, AttributeValue> item, String name, Object value) {
		if (value != null) {
			item.put(name, natural(value));
		}
	}

	/** The attribute a column value becomes without a declared type. */
	private static AttributeValue natural(Object value) {
		if (value instanceof Number number) {
			return n(number);
		}
		if (value instanceof Boolean bool) {
			return AttributeValue.fromBool(bool);
		}
		if (value instanceof byte[] bytes) {
			return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
		}
		if (value instanceof Timestamp timestamp) {
			return s(ISO.format(timestamp.toLocalDateTime()));
		}
		return s(value.toString());
	}

	private static AttributeValue s(Object text) {
		return AttributeValue.fromS(text.toString());
	}

	private static AttributeValue n(Object number) {
		return AttributeValue.fromN(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
	}

	private List<Map<String, Object>> rows(String sql) throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				Map<String, Object> row = new HashMap<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
