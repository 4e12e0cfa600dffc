package io.dynamomigrate.dynamodb.capacity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.mapping.model.WriteBudget;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The write capacity of one run: one {@link WriteCapacityLimiter} per target table,
 * shared by every step and partition that writes to it, and one bounded pool of
 * {@code BatchWriteItem} senders shared by all of them. Budgets are resolved once, at the
 * start, from {@code DescribeTable}: the command line's budget wins, then the table's own
 * (the mapping), then {@link WriteBudgets#defaultFor the default}. Thread-safe;
 * {@link #close()} stops the pool. Nothing is kept across runs: a restarted run resolves
 * its budgets again.
 */
public final class RunWriteCapacity implements AutoCloseable {

	private final Map<String, WriteCapacityLimiter> limiters;

	private final Map<String, Long> budgets;

	private final Map<String, String> sources;

	private final @Nullable ExecutorService pool;

	private RunWriteCapacity(Map<String, WriteCapacityLimiter> limiters, Map<String, Long> budgets,
			Map<String, String> sources, @Nullable ExecutorService pool) {
		this.limiters = limiters;
		this.budgets = budgets;
		this.sources = sources;
		this.pool = pool;
	}

	/**
	 * Resolves the budget of every table and makes the limiters and the pool.
	 * @param commandLine {@code --max-write-capacity}, or null
	 * @param fromMapping a table's own budget, or null
	 * @param concurrency {@code BatchWriteItem} calls in flight at most (1 = one after
	 * another on the step thread)
	 * @param warnings where warnings about budgets above a table's capacity go
	 */
	public static RunWriteCapacity resolve(DynamoDbClient client, Iterable<TableSpec> tables,
			@Nullable WriteBudget commandLine, Function<TableSpec, @Nullable WriteBudget> fromMapping, int concurrency,
			Consumer<String> warnings, LongSupplier nanoTime, Sleeper sleeper) {
		return resolve(client, tables, commandLine, fromMapping, concurrency, warnings,
				(table, units) -> new WriteCapacityLimiter(table, units, nanoTime, sleeper));
	}

	/**
	 * Resolves the budget of every table and takes the limiters from {@code shared}
	 * (making those it has not made yet): entries of a fleet that write the same table
	 * share its limiter.
	 * @param commandLine {@code --max-write-capacity}, or null
	 * @param fromMapping a table's own budget, or null
	 * @param concurrency {@code BatchWriteItem} calls in flight at most
	 * @param warnings where warnings about budgets above a table's capacity go
	 * @param shared the limiters shared with other runs of this process
	 */
	public static RunWriteCapacity resolve(DynamoDbClient client, Iterable<TableSpec> tables,
			@Nullable WriteBudget commandLine, Function<TableSpec, @Nullable WriteBudget> fromMapping, int concurrency,
			Consumer<String> warnings, TableLimiters shared) {
		return resolve(client, tables, commandLine, fromMapping, concurrency, warnings,
				(table, units) -> shared.limiter(table, () -> WriteCapacityLimiter.system(table, units)));
	}

	private static RunWriteCapacity resolve(DynamoDbClient client, Iterable<TableSpec> tables,
			@Nullable WriteBudget commandLine, Function<TableSpec, @Nullable WriteBudget> fromMapping, int concurrency,
			Consumer<String> warnings, BiFunction<String, Long, WriteCapacityLimiter> limiterOf) {
		Map<String, WriteCapacityLimiter> limiters = new LinkedHashMap<>();
		Map<String, Long> budgets = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		for (TableSpec table : tables) {
			TableDescription description = client.describeTable((b) -> b.tableName(table.name())).table();
			WriteBudget budget = commandLine != null ? commandLine : fromMapping.apply(table);
			String source = commandLine != null ? "--max-write-capacity " + commandLine
					: "the mapping's writeBudget " + budget;
			if (budget == null) {
				WriteBudgets.Default byDefault = WriteBudgets.defaultWithSource(description);
				budget = byDefault.budget();
				source = byDefault.source();
			}
			long units = WriteBudgets.resolve(budget, description, warnings);
			budgets.put(table.name(), units);
			sources.put(table.name(), source);
			if (units > 0) {
				limiters.put(table.name(), limiterOf.apply(table.name(), units));
			}
		}
		return new RunWriteCapacity(limiters, budgets, sources,
				concurrency > 1 ? WriteThroughput.pool(concurrency) : null);
	}

	/** How the writers of a table pace and spread their calls. */
	public WriteThroughput throughput(TableSpec table) {
		return WriteThroughput.of(table, limiters.get(table.name()), pool);
	}

	/** The table's limiter, or empty when its budget is unlimited. */
	public Optional<WriteCapacityLimiter> limiter(String table) {
		return Optional.ofNullable(limiters.get(table));
	}

	/** The resolved budget of every table in WCU/s, 0 for unlimited. */
	public Map<String, Long> budgets() {
		return Map.copyOf(budgets);
	}

	/**
	 * Where the budget of every table comes from, in words (the option, the mapping, or
	 * which default).
	 */
	public Map<String, String> sources() {
		return Map.copyOf(sources);
	}

	@Override
	public void close() {
		if (pool != null) {
			pool.shutdownNow();
		}
	}

}
