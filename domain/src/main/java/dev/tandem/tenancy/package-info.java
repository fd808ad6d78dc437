/**
 * Tenancy: Meta apps, the tenants (businesses and their WhatsApp numbers) that use them, console
 * user accounts and API keys. Every other feature hangs off a tenant.
 */
package dev.tandem.tenancy;
