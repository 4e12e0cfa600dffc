package io.dynamomigrate.sample;

import java.util.List;

/**
 * Word lists the sample names are built from. Accents and apostrophes are deliberate:
 * they are values a migration must carry through unchanged. Immutable and thread-safe.
 */
final class SampleWords {

	static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "SE", "NO", "IS", "IE", "NL", "BE", "ES",
			"PT", "IT", "PL", "CZ", "FI", "DK", "CA", "MX", "BR", "AR", "CO", "JP", "KR", "IN", "AU", "NZ", "ZA", "NG",
			"JM");

	static final List<String> ADJECTIVES = List.of("Velvet", "Electric", "Silent", "Golden", "Broken", "Midnight",
			"Crimson", "Neon", "Wild", "Hollow", "Lucky", "Paper", "Northern", "Distant", "Burning", "Frozen", "Blue",
			"Secret", "Static", "Gentle", "Restless", "Little", "Sacred", "Cosmic", "Rusty", "Lonely", "Bright",
			"Hidden", "Savage", "Quiet", "Sunday", "Endless", "Crystal", "Faded", "Magnetic", "Analog", "Tender",
			"Violet", "Wandering", "Dusty");

	/** Nouns whose plural is the noun plus "s". */
	static final List<String> NOUNS = List.of("Falcon", "Harbor", "Ember", "River", "Signal", "Garden", "Machine",
			"Ghost", "Mirror", "Comet", "Highway", "Lantern", "Parade", "Tiger", "Island", "Engine", "Shadow",
			"Satellite", "Flower", "Canyon", "Thunder", "Horizon", "Pilot", "Anchor", "Ocean", "Wave", "Window",
			"Dream", "Heart", "Season", "Letter", "Stranger", "Feather", "Kingdom", "Rocket", "Prayer", "Motel",
			"Orchard", "Cathedral", "Tide");

	static final List<String> FIRST_NAMES = List.of("Mara", "Jonas", "Zoë", "Liam", "Inés", "Kofi", "Amélie", "Björn",
			"Renée", "Mateo", "Aiko", "Noël", "Priya", "Oskar", "Chloé", "Dmitri", "Fatima", "Jürgen", "Lucía", "Tariq",
			"Hana", "Joaquín", "Ingrid", "Ravi", "Elena", "Tomás", "Freya", "Kenji", "Ana", "Samuel", "Yara", "Felix",
			"Nadia", "Hugo", "Leona", "Emeka", "Sofia", "Ruben", "Maya", "Caspar");

	static final List<String> LAST_NAMES = List.of("Lindqvist", "O'Neill", "Moreau", "Okafor", "Schäfer", "Tanaka",
			"García", "D'Angelo", "Novak", "Haugen", "Brennan", "Kowalski", "Silva", "Nakamura", "Fischer", "Dubois",
			"Mensah", "Petrov", "Rossi", "Andersen", "Müller", "Costa", "Reyes", "O'Connell", "Ibáñez", "Walsh",
			"Varga", "Sato", "Ferreira", "Jansen", "Kaur", "Bergström", "Nguyen", "Haddad", "Lopes", "McAllister",
			"Šimek", "Eriksen", "Mbeki", "Castillo");

	static final List<String> GENRES = List.of("Indie", "Jazz", "Techno", "Folk", "Hip-Hop", "Soul", "Ambient", "Punk",
			"Reggae", "Metal", "Bossa Nova", "House", "Blues", "Synthwave", "Afrobeat", "K-Pop", "Country", "Lo-Fi",
			"Classical", "Drum & Bass");

	static final List<String> MOODS = List.of("Chill", "Upbeat", "Rainy Day", "Late Night", "Sunny", "Melancholy",
			"Feel-Good", "Dreamy", "Angry", "Cozy", "Throwback", "Focus");

	static final List<String> ACTIVITIES = List.of("Commute", "Workout", "Study", "Dinner", "Road Trip", "Coding",
			"Sleep", "Party", "Cooking", "Running", "Sunday Morning", "Cleaning");

	static final List<String> LABELS = List.of("Northern Lights Records", "Blue Harbor Music", "Paper Tiger Recordings",
			"Static Bloom", "Velvet Cage Records", "Island Echo", "Golden Orchard", "Midnight Motel Music",
			"Crimson Comet", "Analog Heart Records", "Fox & Feather", "Tidewater Sound", "Sacred Signal",
			"Ghost Machine Audio", "Sunday Parade", "Lantern House", "Distant Shore Records", "Rusty Anchor",
			"Neon Kingdom", "Wandering River", "Hollow Canyon", "Les Disques Éphémères", "Magnetic North",
			"Quiet Thunder", "Cathedral Tapes");

	static final List<String> TITLE_WORDS = List.of("Tonight", "Forever", "Again", "Alone", "Together", "Home",
			"Slowly", "Tomorrow", "Outside", "Nowhere", "Inside", "Goodbye", "Hello", "Anymore", "Tonight", "Away");

	static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.org", "example.net");

	private SampleWords() {
	}

}
