/**
 * The Cloud API sandbox: a faithful stand-in for Meta's Graph API and webhooks, so Tandem can be
 * tried, tested and benchmarked without Meta. It keeps a scriptable "world" (numbers, customers,
 * windows, templates) in memory, enforces Meta's rules with Meta's error shapes, and delivers signed
 * webhooks at least once, with configurable duplicates and reordering, retrying until a 200.
 */
package dev.tandem.sandbox;
