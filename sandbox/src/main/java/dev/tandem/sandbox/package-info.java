/**
 * The Cloud API sandbox: a faithful stand-in for Meta's Graph API and webhooks, so Tandem can be
 * tried, tested and benchmarked without Meta. It keeps a scriptable "world" (numbers, customers,
 * windows, templates) in memory, enforces Meta's rules with Meta's error shapes, and delivers signed
 * webhooks at least once, with configurable duplicates and reordering, retrying until a 200.
 * This package holds the shared Graph pieces (errors, ids, JSON, versions, webhook delivery and
 * subscriptions, nodes by id) and the world of numbers and customers; templates, media and
 * coexistence (contacts, history) live in sub-packages. See sandbox/README.md for every path.
 */
package dev.tandem.sandbox;
