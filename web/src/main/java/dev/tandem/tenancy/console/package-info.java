/** Console pages for tenants. */
package dev.tandem.tenancy.console;
