package io.dynamomigrate.sample;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.dynamomigrate.sample.SampleWords.*;

/**
 * The sample's listeners: users, their playlists and the playlist entries. Each row comes
 * from a {@link SampleRandom} keyed by a fixed seed and the row's (or parent's) id.
 * Stateless and thread-safe.
 */
final class UserTables {

	private static final long USER_SEED = 0x05E2L;

	private static final long PLAYLIST_SEED = 0x9715L;

	private static final long ENTRY_SEED = 0xE472L;

	private static final int USERS = 200;

	private static final int PLAYLISTS = 400;

	private static final LocalDateTime END = LocalDateTime.of(2025, 12, 31, 23, 59, 59);

	private UserTables() {
	}

	static List<Object[]> users() {
		List<Object[]> rows = new ArrayList<>();
		Set<String> usernames = new HashSet<>();
		long from = LocalDate.of(2015, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		long to = LocalDate.of(2025, 7, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		for (int id = 1; id <= USERS; id++) {
			SampleRandom r = SampleRandom.forId(USER_SEED, id);
			String first = r.pick(FIRST_NAMES);
			String last = r.pick(LAST_NAMES);
			String username = ascii(first) + List.of(".", "_", "").get(r.nextInt(3)) + ascii(last)
					+ (r.percent(40) ? String.valueOf(r.between(1, 99)) : "");
			if (!usernames.add(username)) {
				username = username + id;
				usernames.add(username);
			}
			String displayName = (id == 1) ? "Lena 🎧" : r.percent(15) ? null : first + " " + last;
			int planRoll = r.nextInt(100);
			LocalDateTime createdAt = LocalDateTime.ofEpochSecond(from + r.nextLong(to - from),
					r.percent(50) ? r.nextInt(1000) * 1_000_000 : 0, ZoneOffset.UTC);
			rows.add(new Object[] { id, username, username + "@" + r.pick(EMAIL_DOMAINS), displayName,
					r.pick(COUNTRIES), (planRoll < 55) ? "free" : (planRoll < 90) ? "premium" : "family", createdAt,
					r.percent(20) ? null : r.between(1950, 2009) });
		}
		return rows;
	}

	private static String ascii(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	static List<Object[]> playlists(List<Object[]> users) {
		List<Object[]> rows = new ArrayList<>();
		long latest = LocalDate.of(2025, 10, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		for (int id = 1; id <= PLAYLISTS; id++) {
			SampleRandom r = SampleRandom.forId(PLAYLIST_SEED, id);
			int owner = 1 + r.skewed(USERS);
			long ownerSince = ((LocalDateTime) users.get(owner - 1)[6]).toEpochSecond(ZoneOffset.UTC);
			String name = switch (r.nextInt(5)) {
				case 0, 1 -> r.pick(MOODS) + " " + r.pick(ACTIVITIES);
				case 2 -> r.pick(GENRES) + " Essentials";
				case 3 -> "Best of " + r.between(1965, 2025);
				default -> "My Mix #" + r.between(1, 30);
			};
			String description = r.percent(35) ? null : "A mix of " + r.pick(GENRES) + " and " + r.pick(GENRES)
					+ " for " + r.pick(ACTIVITIES).toLowerCase(Locale.ROOT) + ".";
			if (id == 1) {
				name = "Zoë's Favourites 💜";
				description = "Songs for \"late nights\", rainy days; it's fine.";
			}
			rows.add(new Object[] { id, owner, name, description, r.percent(72),
					LocalDateTime.ofEpochSecond(ownerSince + r.nextLong(latest - ownerSince), 0, ZoneOffset.UTC) });
		}
		return rows;
	}

	/** 0 to 60 distinct tracks per playlist, positions 1..n, added in position order. */
	static List<Object[]> playlistTracks(List<Object[]> playlists, int trackCount) {
		List<Object[]> rows = new ArrayList<>();
		for (Object[] playlist : playlists) {
			int playlistId = (Integer) playlist[0];
			SampleRandom r = SampleRandom.forId(ENTRY_SEED, playlistId);
			int roll = r.nextInt(100);
			int count = (playlistId == 1) ? 12 : (roll < 8) ? 0 : (roll < 93) ? r.between(1, 36) : r.between(41, 60);
			LocalDateTime addedAt = ((LocalDateTime) playlist[5]).plusSeconds(r.nextLong(3 * 86_400));
			Set<Integer> seen = new HashSet<>();
			for (int position = 1; position <= count; position++) {
				int trackId;
				do {
					trackId = 1 + r.nextInt(trackCount);
				}
				while (!seen.add(trackId));
				rows.add(new Object[] { playlistId, position, trackId, addedAt.isAfter(END) ? END : addedAt });
				addedAt = addedAt.plusSeconds(r.nextLong(14 * 86_400));
			}
		}
		return rows;
	}

}
