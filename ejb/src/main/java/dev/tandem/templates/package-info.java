/** Templates: the pull from Meta, Meta's template webhooks, and the check of every template send. */
package dev.tandem.templates;
