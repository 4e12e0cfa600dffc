/**
 * The mapping file's model: immutable records and enums for the tables, item definitions,
 * sources, attributes and their parsed value templates
 * ({@link io.dynamomigrate.mapping.model.Template}), each with the
 * {@link io.dynamomigrate.mapping.model.Location} it was written at, and the values with
 * a grammar of their own ({@link io.dynamomigrate.mapping.model.RejectLimit},
 * {@link io.dynamomigrate.mapping.model.WriteBudget},
 * {@link io.dynamomigrate.mapping.model.Secret}). The bottom layer of {@code mapping}: it
 * depends on no other package of the application.
 */
@NullMarked
package io.dynamomigrate.mapping.model;

import org.jspecify.annotations.NullMarked;
