/**
 * Tandem's own health endpoints on the public port: /health/live and /health/ready go DOWN (503)
 * when the database or the broker cannot be reached. WildFly's MicroProfile Health does not pick up
 * checks inside EAR sub-deployments (WFLY-12835), hence a plain servlet; the management port's
 * /health still reports the server itself.
 */
package dev.tandem.platform.health;
