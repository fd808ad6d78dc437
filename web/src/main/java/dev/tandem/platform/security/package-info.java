/** How callers get in: API keys for /api, form login for /console, and the headers on every answer. */
package dev.tandem.platform.security;
