package io.dynamomigrate.verify;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.table.ItemFetcher;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.report.ItemKeys;
import io.dynamomigrate.report.VerificationResults;
import io.dynamomigrate.transform.ItemSizes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code verify --scan}: scans a target table for items the source does not explain
 * (whose keys the comparison did not expect), paced by the table's read budget (an
 * eventually consistent scan costs half the units of strongly consistent reads).
 */
final class TargetScan {

	private TargetScan() {
	}

	/** Scans the table and records every unexpected item in the results. */
	static void scan(DynamoDbTarget dynamodb, TableSpec table, VerificationResults results, ReadCapacityLimiter budget)
			throws InterruptedException {
		for (var page : dynamodb.client().scanPaginator((b) -> b.tableName(table.name()))) {
			long units = 0;
			for (Map<String, AttributeValue> item : page.items()) {
				units += ItemFetcher.readUnits(ItemSizes.of(item));
				Map<String, AttributeValue> key = new LinkedHashMap<>();
				table.keyAttributeNames().forEach((name) -> key.put(name, item.get(name)));
				String text = ItemKeys.text(key);
				if (!results.isExpected(table.name(), text)) {
					results.unexpected(table.name(), text, item);
				}
			}
			budget.spent(units / 2);
		}
	}

}
