/**
 * Platform: what every feature stands on. Schema migration at start, the caller and its tenant
 * scope, paging, the clock, the events topic, and the exceptions boundaries throw.
 */
package dev.tandem.platform;
