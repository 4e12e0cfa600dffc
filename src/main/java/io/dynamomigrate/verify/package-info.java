/**
 * The {@code verify} mode: recomputes the expected items from the source and compares
 * them with the target, reads paced by a
 * {@link io.dynamomigrate.verify.ReadCapacityLimiter} per table
 * ({@link io.dynamomigrate.verify.VerifyResult}).
 */
@NullMarked
package io.dynamomigrate.verify;

import org.jspecify.annotations.NullMarked;
