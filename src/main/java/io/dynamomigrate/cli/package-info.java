/**
 * The command line (picocli): commands, their options and help, and exit codes.
 */
package io.dynamomigrate.cli;
