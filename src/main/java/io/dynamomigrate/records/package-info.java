/**
 * What every source produces and every later stage reads: records with their positions,
 * the values they carry (column values, JSON values, sets, unreadable values) and the
 * reject types. Below both {@code source} and {@code transform}, so that neither depends
 * on the other.
 */
@NullMarked
package io.dynamomigrate.records;

import org.jspecify.annotations.NullMarked;
