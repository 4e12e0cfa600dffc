package io.dynamomigrate.mapping.model;

import org.jspecify.annotations.Nullable;

/**
 * A global secondary index of a target table. Items that lack the index's key attributes
 * are not projected into it (a sparse index).
 *
 * @param name the index name
 * @param partitionKey the index partition key
 * @param sortKey the index sort key, or null
 * @param projection ALL, KEYS_ONLY or INCLUDE
 */
public record IndexSpec(String name, KeySpec partitionKey, @Nullable KeySpec sortKey, String projection) {
}
