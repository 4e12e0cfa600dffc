package io.dynamomigrate.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.dynamomigrate.mapping.model.MappingSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading fleet files: shards inline, from a CSV inventory and from an inventory query
 * (on an in-memory H2 database), services, and every problem at once with file:line and
 * the entry's name.
 */
class LoadedFleetTests {

	@TempDir
	Path dir;

	@BeforeEach
	void writeMapping() throws Exception {
		write("orders.yml", """
				name: orders
				source:
				  url: "jdbc:postgresql://db-${shard}:5432/shop"
				  user: reader
				tables:
				  - name: orders
				    partitionKey: { name: pk, type: S }
				items:
				  - name: order
				    table: orders
				    source: { table: orders, key: [order_id] }
				    attributes:
				      pk: "ORDER#${shard}#${order_id}"
				""");
		write("billing.yml", """
				name: billing
				source: { url: "jdbc:postgresql://billing:5432/billing" }
				tables:
				  - name: invoices
				    partitionKey: { name: pk, type: S }
				items:
				  - name: invoice
				    table: invoices
				    source: { table: invoices, key: [id] }
				    attributes:
				      pk: "INVOICE#${region}#${id}"
				""");
		write("shards.csv", "shard,host\n3,db3.internal\n4,db4.internal\n");
	}

	@Test
	void shardsInlineFromACsvInventoryAndAQuery_andAService_becomeOneEntryEach() throws Exception {
		Path fleet = write("fleet.yml", """
				name: shop
				shards:
				  - name: "orders-${shard}"
				    mapping: orders.yml
				    variables: [{ shard: 1 }, { shard: 2 }]
				  - name: "orders-${shard}"
				    mapping: orders.yml
				    source:
				      url: "jdbc:postgresql://${host}:5432/shop"
				      password: { env: "SHOP_PASSWORD_${shard}" }
				    inventory: shards.csv
				  - name: "orders-${shard}"
				    mapping: orders.yml
				    query:
				      url: "jdbc:h2:mem:inventory"
				      sql: "SELECT X + 4 AS SHARD FROM SYSTEM_RANGE(1, 2)"
				services:
				  - name: billing
				    mapping: billing.yml
				    variables: { region: eu }
				""");

		LoadedFleet loaded = LoadedFleet.read(fleet, Map.of("SHOP_PASSWORD_3", "s3", "SHOP_PASSWORD_4", "s4")::get);

		assertThat(loaded.problems()).isEmpty();
		assertThat(loaded.entries()).extracting(FleetEntry::jobName)
			.containsExactly("shop.orders-1", "shop.orders-2", "shop.orders-3", "shop.orders-4", "shop.orders-5",
					"shop.orders-6", "shop.billing");
		MappingSpec second = loaded.entries().get(1).mapping();
		assertThat(second.name()).isEqualTo("shop.orders-2");
		assertThat(second.source().url()).isEqualTo("jdbc:postgresql://db-2:5432/shop");
		assertThat(second.items().get(0).attributes().get(0).value().source()).isEqualTo("ORDER#2#${order_id}");
		MappingSpec fromCsv = loaded.entries().get(3).mapping();
		assertThat(fromCsv.source().url()).isEqualTo("jdbc:postgresql://db4.internal:5432/shop");
		assertThat(fromCsv.source().user()).isEqualTo("reader");
		assertThat(fromCsv.source().password().reveal()).isEqualTo("s4");
		assertThat(loaded.entries().get(5).mapping().source().url()).isEqualTo("jdbc:postgresql://db-6:5432/shop");
		assertThat(loaded.entries().get(0).mapping().checksum())
			.as("the checksum is the filled mapping's: entries differ")
			.isNotEqualTo(second.checksum());
	}

	@Test
	void everyProblemIsReportedAtOnce_withTheFileLineAndTheEntry() throws Exception {
		write("bad.csv", "shard\n7\n7\n\"x y\"\n");
		Path fleet = write("fleet.yml", """
				name: shop
				shards:
				  - name: "orders-${shard}"
				    mapping: orders.yml
				    source:
				      password: plain-text
				    inventory: bad.csv
				  - name: "orders-${zone}"
				    mapping: orders.yml
				    variables: [{ shard: 9 }]
				services:
				  - name: missing
				    mapping: nowhere.yml
				""");

		LoadedFleet loaded = LoadedFleet.read(fleet, (name) -> null);

		assertThat(loaded.problems())
			.anySatisfy(
					(p) -> assertThat(p).startsWith(fleet + ":6:17: A password is never written in the fleet file."))
			.anySatisfy((p) -> assertThat(p).contains("inventory bad.csv row 4: The value of variable shard (`x y`)"))
			.anySatisfy((p) -> assertThat(p).contains("Entry orders-7: two entries of the fleet have this name"))
			.anySatisfy((p) -> assertThat(p).startsWith(fleet + ":10:17: ")
				.contains("name `orders-${zone}` uses ${zone}, which is not a variable of this entry (it has shard)"))
			.anySatisfy((p) -> assertThat(p).startsWith("entry missing: cannot read its mapping file"));
	}

	@Test
	void anEntrysMappingProblems_arePrefixedWithTheEntry() throws Exception {
		write("broken.yml", """
				name: broken
				source: { url: "jdbc:postgresql://h/db" }
				tables:
				  - name: things
				    partitionKey: { name: pk, type: S }
				items:
				  - name: i
				    table: nowhere
				    source: { table: things, key: [id] }
				    attributes: { pk: "${id}" }
				""");
		Path fleet = write("fleet.yml", """
				name: shop
				services:
				  - { name: one, mapping: broken.yml }
				  - { name: two, mapping: broken.yml }
				""");

		LoadedFleet loaded = LoadedFleet.read(fleet, (name) -> null);

		assertThat(loaded.problems()).hasSize(2)
			.allSatisfy((p) -> assertThat(p)
				.contains(dir.resolve("broken.yml") + ":7:5: Item `i` writes to the table `nowhere`"));
		assertThat(loaded.problems().get(0)).startsWith("entry one: ");
		assertThat(loaded.problems().get(1)).startsWith("entry two: ");
		assertThat(loaded.entries()).allSatisfy((e) -> assertThat(e.mapping()).isNull());
	}

	private Path write(String name, String text) throws Exception {
		return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
	}

}
