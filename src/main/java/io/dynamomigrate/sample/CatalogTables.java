package io.dynamomigrate.sample;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.dynamomigrate.sample.SampleWords.*;

/**
 * The sample's music catalogue: artists, albums (ids in artist and release order) and
 * tracks. Each row comes from a {@link SampleRandom} keyed by a fixed seed and the row's
 * (or parent's) id. Stateless and thread-safe.
 */
final class CatalogTables {

	private static final long ARTIST_SEED = 0xA27157L;

	private static final long ALBUM_SEED = 0xA1B0L;

	private static final long TRACK_SEED = 0x72ACL;

	private static final int ARTISTS = 300;

	private static final int EXTRA_ALBUMS = 600;

	private CatalogTables() {
	}

	static List<Object[]> artists() {
		List<Object[]> rows = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int id = 1; id <= ARTISTS; id++) {
			SampleRandom r = SampleRandom.forId(ARTIST_SEED, id);
			String name = switch (id) {
				case 1 -> "Zoë O'Malley";
				case 2 -> "Neon 🌙 Tigers";
				case 3 -> "Los Niños del Café";
				default -> artistName(r);
			};
			while (!names.add(name)) {
				name = artistName(r);
			}
			int tier = r.nextInt(5);
			long listeners = (id == 2) ? 2_200_000_000L
					: r.nextLong(new long[] { 5_000, 80_000, 1_000_000, 20_000_000, 90_000_000 }[tier]);
			rows.add(new Object[] { id, name, r.pick(COUNTRIES), r.percent(12) ? null : r.between(1958, 2023),
					r.percent(65), listeners, r.percent(10) ? null : md5(name),
					r.percent(15) ? null : BigDecimal.valueOf(r.between(100, 500), 2) });
		}
		return rows;
	}

	private static String artistName(SampleRandom r) {
		return switch (r.nextInt(7)) {
			case 0 -> "The " + r.pick(ADJECTIVES) + " " + r.pick(NOUNS) + "s";
			case 1, 2 -> r.pick(FIRST_NAMES) + " " + r.pick(LAST_NAMES);
			case 3 -> r.pick(ADJECTIVES) + " " + r.pick(NOUNS);
			case 4 -> r.pick(FIRST_NAMES) + " & the " + r.pick(NOUNS) + "s";
			case 5 -> "DJ " + r.pick(NOUNS);
			default -> r.pick(NOUNS) + " " + r.pick(NOUNS) + "s";
		};
	}

	/**
	 * Every artist has one album, plus 600 more spread with a skew; ids follow artist and
	 * date.
	 */
	static List<Object[]> albums(List<Object[]> artists) {
		int[] albumCounts = new int[ARTISTS + 1];
		SampleRandom spread = new SampleRandom(ALBUM_SEED);
		for (int i = 0; i < EXTRA_ALBUMS; i++) {
			albumCounts[1 + spread.skewed(ARTISTS)]++;
		}
		List<Object[]> rows = new ArrayList<>();
		for (Object[] artist : artists) {
			int artistId = (Integer) artist[0];
			SampleRandom r = SampleRandom.forId(ALBUM_SEED, artistId);
			Integer formed = (Integer) artist[3];
			long first = LocalDate.of(Math.max(1960, (formed != null) ? formed : 1960), 1, 1).toEpochDay();
			long last = LocalDate.of(2025, 12, 31).toEpochDay();
			long[] days = new long[1 + albumCounts[artistId]];
			for (int i = 0; i < days.length; i++) {
				days[i] = first + r.nextLong(last - first + 1);
			}
			Arrays.sort(days);
			for (long day : days) {
				int albumId = rows.size() + 1;
				int kind = r.nextInt(100);
				String title = (albumId == 1) ? "Don't Stop; Won't Stop" : albumTitle(r);
				rows.add(new Object[] { albumId, artistId, title, LocalDate.ofEpochDay(day),
						(kind < 60) ? "album" : (kind < 85) ? "single" : "ep", r.percent(12) ? null : r.pick(LABELS) });
			}
		}
		return rows;
	}

	private static String albumTitle(SampleRandom r) {
		return switch (r.nextInt(6)) {
			case 0, 1 -> r.pick(ADJECTIVES) + " " + r.pick(NOUNS);
			case 2 -> "Songs for the " + r.pick(ADJECTIVES) + " " + r.pick(NOUNS) + "s";
			case 3 -> r.pick(NOUNS) + "s of the " + r.pick(NOUNS);
			case 4 -> "Live at the " + r.pick(NOUNS);
			default -> r.pick(ADJECTIVES);
		};
	}

	static List<Object[]> tracks(List<Object[]> artists, List<Object[]> albums) {
		List<Object[]> rows = new ArrayList<>();
		for (Object[] album : albums) {
			int albumId = (Integer) album[0];
			int artistId = (Integer) album[1];
			SampleRandom r = SampleRandom.forId(TRACK_SEED, albumId);
			int count = switch ((String) album[4]) {
				case "single" -> r.between(1, 3);
				case "ep" -> r.between(4, 6);
				default -> r.between(9, 20);
			};
			String isrcPrefix = artists.get(artistId - 1)[2] + registrant(artistId)
					+ String.format(Locale.ROOT, "%02d", ((LocalDate) album[3]).getYear() % 100);
			for (int number = 1; number <= count; number++) {
				int trackId = rows.size() + 1;
				String title = (trackId == 1) ? "It's 3 A.M. — Ça va?"
						: (number == 1 && "single".equals(album[4])) ? (String) album[2] : trackTitle(r);
				int duration = r.percent(3) ? r.between(420_000, 1_380_000)
						: r.between(150_000, 270_000) + r.between(-60_000, 60_000);
				int priceRoll = r.nextInt(100);
				String price = (priceRoll < 1) ? "0.00"
						: (priceRoll < 9) ? "0.69" : (priceRoll < 70) ? "0.99" : (priceRoll < 97) ? "1.29" : "1.99";
				rows.add(new Object[] { trackId, albumId, number, title, duration, r.percent(18),
						isrcPrefix + String.format(Locale.ROOT, "%05d", trackId % 100_000), new BigDecimal(price) });
			}
		}
		return rows;
	}

	private static String trackTitle(SampleRandom r) {
		return switch (r.nextInt(7)) {
			case 0 -> r.pick(ADJECTIVES) + " " + r.pick(NOUNS);
			case 1 -> r.pick(NOUNS) + " " + r.pick(TITLE_WORDS);
			case 2 -> "The " + r.pick(NOUNS) + " Song";
			case 3 -> r.pick(TITLE_WORDS);
			case 4 -> r.pick(ADJECTIVES) + " " + r.pick(TITLE_WORDS);
			case 5 -> r.pick(NOUNS) + " (feat. " + r.pick(FIRST_NAMES) + " " + r.pick(LAST_NAMES) + ")";
			default -> r.pick(NOUNS) + "s (" + r.pick(MOODS) + " Mix)";
		};
	}

	/** The ISRC registrant code of an artist: three base-36 characters. */
	private static String registrant(int artistId) {
		String code = Long.toString(Long.remainderUnsigned(SampleRandom.mix64(artistId), 36 * 36 * 36), 36);
		return ("00" + code).substring(code.length() - 1).toUpperCase(Locale.ROOT);
	}

	private static byte[] md5(String text) {
		try {
			return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides MD5", ex);
		}
	}

}
