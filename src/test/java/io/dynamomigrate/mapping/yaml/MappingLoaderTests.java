package io.dynamomigrate.mapping.yaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.BillingMode;
import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.mapping.model.DynamoDbSpec;
import io.dynamomigrate.mapping.model.IndexSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.KeySpec;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.NullPolicy;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.mapping.model.Template.ColumnRef;
import io.dynamomigrate.mapping.model.Template.Literal;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class MappingLoaderTests {

	private static final Path CATALOG = Path.of("mappings/music-catalog.yml");

	private static final Path TABLES = Path.of("mappings/music-tables.yml");

	private static final String MINIMAL = """
			name: shop
			source:
			  url: %s
			  user: %s
			  password: %s
			tables:
			  - name: orders
			    partitionKey: { name: pk, type: S }
			items:
			  - name: order
			    table: orders
			    source: { table: orders, key: [id] }
			    attributes:
			      pk: "ORDER#${id}"
			""";

	private final MappingLoader noEnvironment = new MappingLoader((name) -> null);

	@Test
	void musicCatalog_loadsTheSingleTableDesign() {
		MappingSpec spec = noEnvironment.load(CATALOG);

		assertThat(spec.name()).isEqualTo("music-catalog");
		assertThat(spec.file()).isEqualTo(CATALOG);
		assertThat(spec.checksum()).hasSize(64).matches("[0-9a-f]+");
		assertThat(spec.dynamodb()).isEqualTo(new DynamoDbSpec("local", "us-east-1"));
		assertThat(spec.source().url()).isEqualTo("jdbc:h2:mem:music;DB_CLOSE_DELAY=-1");
		assertThat(spec.source().user()).isEqualTo("sa");
		assertThat(spec.tables()).singleElement().satisfies((table) -> {
			assertThat(table.name()).isEqualTo("music");
			assertThat(table.partitionKey()).isEqualTo(new KeySpec("pk", AttributeType.S));
			assertThat(table.sortKey()).isEqualTo(new KeySpec("sk", AttributeType.S));
			assertThat(table.keyAttributeNames()).containsExactly("pk", "sk");
			assertThat(table.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
			assertThat(table.globalSecondaryIndexes()).containsExactly(new IndexSpec("gsi1",
					new KeySpec("gsi1pk", AttributeType.S), new KeySpec("gsi1sk", AttributeType.S), "ALL"));
		});
		assertThat(spec.items()).extracting(ItemSpec::name)
			.containsExactly("artist", "album", "track", "user", "playlist", "play");
		assertThat(spec.items()).extracting(ItemSpec::table).containsOnly("music");
		assertThat(spec.table("music")).isPresent();
		assertThat(spec.table("musik")).isEmpty();
	}

	@Test
	void musicCatalog_parsesTemplatesWithTheirPositions() {
		ItemSpec album = item(noEnvironment.load(CATALOG), "album");

		AttributeSpec sk = attribute(album, "sk");
		assertThat(sk.value().source()).isEqualTo("ALBUM#${release_date}#${album_id}");
		assertThat(sk.value().parts()).containsExactly(new Literal("ALBUM#"), new ColumnRef("release_date"),
				new Literal("#"), new ColumnRef("album_id"));
		assertThat(sk.value().location()).isEqualTo(new Location(65, 12));
		assertThat(sk.type()).isNull();
		assertThat(attribute(album, "gsi1sk").value().parts()).containsExactly(new Literal("ALBUM"));
		AttributeSpec albumId = attribute(album, "albumId");
		assertThat(albumId.value().isSingleColumn()).isTrue();
		assertThat(albumId.type()).isEqualTo(AttributeType.N);
		assertThat(albumId.value().location()).isEqualTo(new Location(67, 26));
		AttributeSpec label = attribute(album, "label");
		assertThat(label.onNull()).isEqualTo(NullPolicy.NULL);
		assertThat(attribute(album, "title").onNull()).isEqualTo(NullPolicy.OMIT);
		assertThat(album.attributes()).extracting(AttributeSpec::name)
			.containsExactly("pk", "sk", "type", "albumId", "artistId", "title", "releaseDate", "albumType", "label",
					"gsi1pk", "gsi1sk");
		assertThat(album.source())
			.isEqualTo(new SourceSpec("albums", null, List.of("album_id"), null, new Location(62, 13)));

		ItemSpec artist = item(noEnvironment.load(CATALOG), "artist");
		assertThat(attribute(artist, "verified").type()).isEqualTo(AttributeType.BOOL);
		assertThat(attribute(artist, "avatarHash").type()).isEqualTo(AttributeType.B);
		AttributeSpec displayName = attribute(item(noEnvironment.load(CATALOG), "user"), "displayName");
		assertThat(displayName.defaultValue()).isEmpty();
	}

	@Test
	void musicCatalog_readsQuerySourcesEmbedsAndChunkSizes() {
		MappingSpec spec = noEnvironment.load(CATALOG);

		SourceSpec track = item(spec, "track").source();
		assertThat(track.table()).isNull();
		assertThat(track.query()).as("folded: the line break becomes a space")
			.isEqualTo("SELECT t.*, LPAD(CAST(t.track_number AS VARCHAR(3)), 3, '0') AS track_no FROM tracks t");
		assertThat(track.key()).containsExactly("track_id");
		assertThat(track.label()).isEqualTo("query");
		assertThat(track.location()).isEqualTo(new Location(80, 7));

		ItemSpec playlist = item(spec, "playlist");
		assertThat(playlist.embeds()).singleElement().satisfies((embed) -> {
			assertThat(embed.name()).isEqualTo("entries");
			assertThat(embed.table()).isEqualTo("playlist_tracks");
			assertThat(embed.parentColumns()).containsExactly("playlist_id");
			assertThat(embed.childColumns()).as("defaults to the parent columns").containsExactly("playlist_id");
			assertThat(embed.orderBy()).containsExactly("position");
			assertThat(embed.maxElements()).isEqualTo(500);
			assertThat(embed.location()).isEqualTo(new Location(129, 9));
			assertThat(embed.attributes()).extracting(AttributeSpec::name)
				.containsExactly("position", "trackId", "addedAt");
			assertThat(embed.attributes()).extracting(AttributeSpec::type)
				.containsExactly(AttributeType.N, AttributeType.N, null);
		});

		assertThat(spec.items()).extracting(ItemSpec::chunkSize).containsExactly(500, 500, 500, 500, 500, 1000);
		assertThat(spec.items()).extracting(ItemSpec::onDuplicateKey).containsOnly(DuplicateKeyPolicy.LAST_WINS);
	}

	@Test
	void musicCatalog_resolvesInitScriptsNextToTheMappingFile() {
		ConnectionSpec source = noEnvironment.load(CATALOG).source();

		Path samples = Path.of("sample-sources/h2").toAbsolutePath();
		assertThat(source.init()).containsExactly(samples.resolve("schema.sql"), samples.resolve("data.sql"));
		assertThat(source.init()).allSatisfy((script) -> assertThat(script).isAbsolute().exists());
	}

	@Test
	void musicCatalog_passwordUsesTheEnvironmentVariableWhenSet() {
		MappingLoader loader = new MappingLoader((name) -> name.equals("MUSIC_DB_PASSWORD") ? "s3cret" : null);

		ConnectionSpec source = loader.load(CATALOG).source();

		assertThat(source.password()).isNotNull();
		assertThat(source.password().reveal()).isEqualTo("s3cret");
		assertThat(source.toString()).doesNotContain("s3cret");
	}

	@Test
	void musicCatalog_passwordFallsBackToItsDefaultWhenTheVariableIsUnset() {
		ConnectionSpec source = noEnvironment.load(CATALOG).source();

		assertThat(source.password()).isNotNull();
		assertThat(source.password().reveal()).isEmpty();
	}

	@Test
	void musicTables_loadsOneTablePerSourceTable() {
		MappingSpec spec = noEnvironment.load(TABLES);

		assertThat(spec.name()).isEqualTo("music-tables");
		assertThat(spec.tables()).extracting(TableSpec::name)
			.containsExactly("artists", "albums", "tracks", "users", "playlists", "playlist_tracks", "plays");
		assertThat(spec.table("playlist_tracks")).hasValueSatisfying((table) -> {
			assertThat(table.partitionKey()).isEqualTo(new KeySpec("playlist_id", AttributeType.N));
			assertThat(table.sortKey()).isEqualTo(new KeySpec("position", AttributeType.N));
			assertThat(table.globalSecondaryIndexes()).isEmpty();
		});
		assertThat(spec.table("plays")).hasValueSatisfying((table) -> {
			assertThat(table.partitionKey()).isEqualTo(new KeySpec("play_id", AttributeType.N));
			assertThat(table.sortKey()).isNull();
		});
		assertThat(spec.items()).extracting(ItemSpec::name)
			.containsExactlyElementsOf(spec.tables().stream().map(TableSpec::name).toList());
		assertThat(item(spec, "playlist_tracks").source().key()).containsExactly("playlist_id", "position");
		assertThat(item(spec, "plays").chunkSize()).isEqualTo(1000);
		assertThat(item(spec, "artists").chunkSize()).isEqualTo(ItemReader.DEFAULT_CHUNK_SIZE);
		assertThat(item(spec, "tracks").attributes()).hasSize(8).allSatisfy((attribute) -> {
			assertThat(attribute.value().isSingleColumn()).isTrue();
			assertThat(attribute.value().columns()).containsExactly(attribute.name());
			assertThat(attribute.type()).isNull();
		});
		assertThat(spec.source().password().reveal()).isEmpty();
	}

	@Test
	void environmentValue_isTakenFromTheVariableWhenSet() {
		MappingLoader loader = new MappingLoader(
				Map.of("SHOP_URL", "jdbc:postgresql://db:5432/shop", "SHOP_PW", "pw")::get);

		MappingSpec spec = loader.load(Path.of("shop.yml"),
				MINIMAL.formatted("{ env: SHOP_URL, default: jdbc:h2:mem:x }", "{ env: SHOP_USER, default: reader }",
						"{ env: SHOP_PW }"));

		assertThat(spec.source().url()).isEqualTo("jdbc:postgresql://db:5432/shop");
		assertThat(spec.source().user()).as("unset, so the default").isEqualTo("reader");
		assertThat(spec.source().password().reveal()).isEqualTo("pw");
	}

	@Test
	void environmentValue_withoutDefaultAndUnset_isAMissingEnvironmentProblem() {
		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class, () -> noEnvironment
			.load(Path.of("shop.yml"), MINIMAL.formatted("jdbc:h2:mem:x", "sa", "{ env: SHOP_PASSWORD }")));

		assertThat(ex.getProblems()).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.MISSING_ENVIRONMENT);
			assertThat(problem.location()).isEqualTo(new Location(5, 13));
			assertThat(problem.file()).isEqualTo(Path.of("shop.yml"));
			assertThat(problem.message()).contains("SHOP_PASSWORD").contains("source.password");
			assertThat(problem.fix()).contains("Set SHOP_PASSWORD").contains("default:");
		});
		assertThat(ex.getMessage()).startsWith("1 problem in the mapping:\nshop.yml:5:13: ");
	}

	@Test
	void environmentValue_withUnknownKey_isReported() {
		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class, () -> noEnvironment
			.load(Path.of("shop.yml"), MINIMAL.formatted("jdbc:h2:mem:x", "{ env: SHOP_USER, defualt: sa }", "x")));

		assertThat(ex.getProblems()).extracting(MappingProblem::code, MappingProblem::location)
			.containsExactly(tuple(ProblemCode.MISSING_ENVIRONMENT, new Location(4, 9)),
					tuple(ProblemCode.UNKNOWN_KEY, new Location(4, 27)));
		assertThat(ex.getProblems().get(1).message()).contains("defualt");
		assertThat(ex.getProblems().get(1).fix()).isEqualTo("Did you mean `default`?");
	}

	@Test
	void initScripts_areResolvedAgainstTheMappingFilesFolder(@TempDir Path folder) {
		Path file = folder.resolve("conf/shop.yml");
		Path absolute = folder.resolve("elsewhere/seed.sql").toAbsolutePath();
		String yaml = MINIMAL.formatted("jdbc:h2:mem:x", "sa", "x").replace("  password: x\n", """
				  password: x
				  init:
				    - ../sql/schema.sql
				    - data.sql
				    - %s
				""".formatted(absolute));

		ConnectionSpec source = noEnvironment.load(file, yaml).source();

		assertThat(source.init()).containsExactly(folder.resolve("sql/schema.sql").toAbsolutePath(),
				folder.resolve("conf/data.sql").toAbsolutePath(), absolute);
	}

	@Test
	void defaults_applyWhenOptionalKeysAreLeftOut() {
		MappingSpec spec = noEnvironment.load(Path.of("shop.yml"), MINIMAL.formatted("jdbc:h2:mem:x", "sa", "x"));

		TableSpec table = spec.tables().get(0);
		assertThat(table.sortKey()).isNull();
		assertThat(table.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
		assertThat(table.readCapacity()).isEqualTo(5);
		assertThat(table.writeCapacity()).isEqualTo(5);
		assertThat(spec.dynamodb()).isEqualTo(new DynamoDbSpec(null, null));
		assertThat(spec.source().init()).isEmpty();
		ItemSpec item = spec.items().get(0);
		assertThat(item.chunkSize()).isEqualTo(500);
		assertThat(item.onDuplicateKey()).isEqualTo(DuplicateKeyPolicy.LAST_WINS);
		assertThat(item.embeds()).isEmpty();
		assertThat(item.attributes()).singleElement()
			.isEqualTo(new AttributeSpec("pk", item.attributes().get(0).value(), null, NullPolicy.OMIT, null));
	}

	@Test
	void checksum_isTheSha256OfTheContent() {
		String yaml = MINIMAL.formatted("jdbc:h2:mem:x", "sa", "x");

		String checksum = noEnvironment.load(Path.of("a.yml"), yaml).checksum();

		assertThat(checksum).isEqualTo(noEnvironment.load(Path.of("b.yml"), yaml).checksum());
		assertThat(checksum).isNotEqualTo(noEnvironment.load(Path.of("a.yml"), yaml + "# changed\n").checksum());
		assertThat(MappingLoader.checksum("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void missingFile_isAProblemNotACrash() {
		Path missing = Path.of("mappings/does-not-exist.yml");

		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class,
				() -> noEnvironment.load(missing));

		assertThat(ex.getProblems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo(missing);
			assertThat(problem.location()).isEqualTo(Location.NONE);
			assertThat(problem.message()).startsWith("Cannot read the mapping file").contains("does-not-exist.yml");
		});
	}

	private static ItemSpec item(MappingSpec spec, String name) {
		return spec.items().stream().filter((i) -> i.name().equals(name)).findFirst().orElseThrow();
	}

	private static AttributeSpec attribute(ItemSpec item, String name) {
		return item.attributes().stream().filter((a) -> a.name().equals(name)).findFirst().orElseThrow();
	}

}
