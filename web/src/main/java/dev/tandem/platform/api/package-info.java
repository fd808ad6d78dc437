/** REST plumbing shared by every feature: the application path, problem+json and its mappers. */
package dev.tandem.platform.api;
