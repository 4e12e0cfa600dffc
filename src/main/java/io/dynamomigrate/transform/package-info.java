/**
 * Turning records into DynamoDB items: template evaluation with the fixed functions, type
 * conversion with exact numbers (sets, JSON documents, dates and epochs), conditions and
 * filters, null and set policies, nested and embedded documents, unmapped columns, key
 * checks, item sizes by DynamoDB's rules, and rejects with reasons.
 */
@NullMarked
package io.dynamomigrate.transform;

import org.jspecify.annotations.NullMarked;
