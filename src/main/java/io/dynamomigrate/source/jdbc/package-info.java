/**
 * JDBC sources: connection pools, keyset-paging readers that restart after the last
 * committed key, batched child-row loading for embeddings, and checks of a mapping
 * against the source's columns.
 */
@NullMarked
package io.dynamomigrate.source.jdbc;

import org.jspecify.annotations.NullMarked;
