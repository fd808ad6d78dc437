/** REST resources for Meta apps, tenants and API keys (/api/v1). */
package dev.tandem.tenancy.api;
