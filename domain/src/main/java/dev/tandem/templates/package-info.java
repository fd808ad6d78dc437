/**
 * Message templates as Meta approved them for a tenant's WABA: kept in step with Meta (a sync of the
 * WABA's templates and the template webhooks), and checked before a template send leaves Tandem.
 */
package dev.tandem.templates;
