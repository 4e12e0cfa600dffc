package io.dynamomigrate.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class or method as holding one or more of the numbered invariants of
 * DESIGN.md ("Invariants (each one has tests)"). {@code InvariantCoverageTests} fails
 * when one of them has no marked test.
 * <ol>
 * <li>Nothing is lost silently: {@code read = written + rejected + filtered}.</li>
 * <li>UnprocessedItems are always retried, with backoff and a bound; past the bound the
 * step fails.</li>
 * <li>A BatchWriteItem request never breaks the API's rules (25 requests, 16 MB, 400 KB
 * items, no duplicate key).</li>
 * <li>Restart resumes from the last committed chunk of every step and partition.</li>
 * <li>The write rate never exceeds the configured budget, and backs off when DynamoDB
 * throttles.</li>
 * <li>Numbers are exact: more than 38 significant digits is a reject, not a
 * rounding.</li>
 * <li>Mapping files cannot execute code; identifiers are validated before they reach
 * SQL.</li>
 * <li>Secrets never appear in logs, reports, exception messages or the job
 * repository.</li>
 * <li>A value is never changed silently: written exactly or rejected with a reason, one
 * reject per bad value.</li>
 * <li>The source is only read.</li>
 * <li>One budget per table for the whole run, however many writers, and whatever the SDK
 * retries.</li>
 * </ol>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Invariant {

	/**
	 * The numbers of the invariants the test holds, 1 to 11 as DESIGN.md numbers them.
	 */
	int[] value();

}
