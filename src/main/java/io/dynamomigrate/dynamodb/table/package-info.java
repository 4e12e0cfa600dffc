/**
 * The target tables: creating them from the mapping and checking an existing one against
 * it ({@code TableProvisioner}), inspecting the target for a dry run
 * ({@code TargetInspector}) and reading items back for verify ({@code ItemFetcher}).
 */
@NullMarked
package io.dynamomigrate.dynamodb.table;

import org.jspecify.annotations.NullMarked;
