/** REST for templates: list a tenant's templates, pull them from Meta. */
package dev.tandem.templates.api;
