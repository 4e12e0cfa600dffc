/**
 * The music-streaming sample source: a PostgreSQL / MariaDB / H2 schema with
 * deterministic seed data ({@link io.dynamomigrate.sample.SampleDatabase}), split into
 * shards for fleets ({@link io.dynamomigrate.sample.ShardedSample}), the generator of
 * that seed data ({@link io.dynamomigrate.sample.MusicSampleGenerator}) and a fast
 * generator of large listening histories for benchmarks
 * ({@link io.dynamomigrate.sample.PlaysGenerator}).
 *
 * <p>
 * Everything here is deterministic: the same inputs always give the same rows,
 * independent of the clock, time zone, locale and JDK version.
 */
package io.dynamomigrate.sample;
