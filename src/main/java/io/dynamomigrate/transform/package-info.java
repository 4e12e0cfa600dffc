/**
 * Turning records into DynamoDB items: templates, type conversion with exact numbers, null policies, embedded
 * lists, key checks, item sizes by DynamoDB's rules, and rejects with reasons.
 */
@NullMarked
package io.dynamomigrate.transform;

import org.jspecify.annotations.NullMarked;
