/**
 * Benchmarks run from the command line against a running Tandem (never deployed): the webhook ingest
 * load generator, its event mix, and the report written under bench/results.
 */
package dev.tandem.bench;
