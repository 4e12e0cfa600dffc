/**
 * What every source produces: records with their positions. Readers for each kind of source live in
 * sub-packages.
 */
@NullMarked
package io.dynamomigrate.source;

import org.jspecify.annotations.NullMarked;
