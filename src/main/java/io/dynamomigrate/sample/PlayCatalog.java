package io.dynamomigrate.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The users and tracks that plays refer to, and the rule that turns a {@code play_id}
 * into a row: every value of a play is a function of its id and of this catalog only, so
 * that the same ids always give the same rows (the 30,000 seed plays included). Immutable
 * and thread-safe.
 */
final class PlayCatalog {

	static final long SEED = 0x706C617973L;

	/** Plays happen in 2024 and 2025 (UTC-naive epoch seconds). */
	static final long PLAYED_FROM = LocalDate.of(2024, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

	static final long PLAYED_SPAN = LocalDate.of(2026, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - PLAYED_FROM;

	private static final List<String> DEVICES = List.of("mobile", "desktop", "web", "speaker", "car");

	/**
	 * Cumulative device weights in percent: mobile 45, desktop 20, web 15, speaker 10,
	 * car 10.
	 */
	private static final int[] DEVICE_THRESHOLDS = { 45, 65, 80, 90, 100 };

	private final int[] userIds;

	private final int[] trackIds;

	private final int[] durationsMs;

	private final int userStride;

	private final int trackStride;

	/** One play: {@code playedAt} in UTC-naive epoch seconds. */
	record Play(long playId, int userId, int trackId, long playedAt, int msPlayed, String device, boolean completed) {
	}

	PlayCatalog(int[] userIds, int[] trackIds, int[] durationsMs) {
		if (userIds.length == 0 || trackIds.length == 0) {
			throw new IllegalStateException("Plays need users and tracks, and the users or tracks table is empty; "
					+ "load the sample database first (SampleDatabase.load).");
		}
		this.userIds = userIds.clone();
		this.trackIds = trackIds.clone();
		this.durationsMs = durationsMs.clone();
		this.userStride = stride(userIds.length);
		this.trackStride = stride(trackIds.length);
	}

	/** Reads user ids and track ids (with durations) in id order. */
	static PlayCatalog load(Connection connection) throws SQLException {
		int[] users = new int[16];
		int[] tracks = new int[16];
		int[] durations = new int[16];
		int userCount = 0;
		int trackCount = 0;
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT user_id FROM users ORDER BY user_id")) {
				while (rs.next()) {
					users = grow(users, userCount);
					users[userCount++] = rs.getInt(1);
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT track_id, duration_ms FROM tracks ORDER BY track_id")) {
				while (rs.next()) {
					tracks = grow(tracks, trackCount);
					durations = grow(durations, trackCount);
					tracks[trackCount] = rs.getInt(1);
					durations[trackCount++] = rs.getInt(2);
				}
			}
		}
		return new PlayCatalog(Arrays.copyOf(users, userCount), Arrays.copyOf(tracks, trackCount),
				Arrays.copyOf(durations, trackCount));
	}

	Play play(long playId) {
		SampleRandom random = SampleRandom.forId(SEED, playId);
		// Popularity: a skewed draw, spread over the ids by a stride coprime to the
		// count.
		int user = this.userIds[spread(random.skewed(this.userIds.length), this.userStride, this.userIds.length)];
		int track = spread(random.skewed(this.trackIds.length), this.trackStride, this.trackIds.length);
		long playedAt = PLAYED_FROM + random.nextLong(PLAYED_SPAN);
		int roll = random.nextInt(100);
		int device = 0;
		while (roll >= DEVICE_THRESHOLDS[device]) {
			device++;
		}
		boolean completed = random.percent(70);
		int duration = Math.max(2, this.durationsMs[track]);
		int msPlayed = completed ? duration : 1 + random.skewed(duration - 1);
		return new Play(playId, user, this.trackIds[track], playedAt, msPlayed, DEVICES.get(device), completed);
	}

	private static int spread(int index, int stride, int count) {
		return (int) ((long) index * stride % count);
	}

	/** The first number at or above 61.8% of {@code count} that is coprime to it. */
	private static int stride(int count) {
		int stride = Math.max(1, (int) ((long) count * 618 / 1000));
		while (gcd(stride, count) != 1) {
			stride++;
		}
		return stride;
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

	private static int[] grow(int[] values, int size) {
		return (size < values.length) ? values : Arrays.copyOf(values, values.length * 2);
	}

}
