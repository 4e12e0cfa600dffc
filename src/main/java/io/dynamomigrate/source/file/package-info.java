/**
 * File sources: CSV (RFC 4180), JSON arrays, JSON Lines and DynamoDB JSON exports,
 * gzip-compressed or not, one file, a directory or a glob as one source. Files are
 * streamed (never read whole into memory); positions are file and line; unreadable
 * records become rejects and reading goes on; a restarted step continues from the next
 * record of the right file.
 */
@NullMarked
package io.dynamomigrate.source.file;

import org.jspecify.annotations.NullMarked;
