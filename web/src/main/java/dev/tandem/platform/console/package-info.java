/** Console plumbing: login, logout and the signed-in user. */
package dev.tandem.platform.console;
