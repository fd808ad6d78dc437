/** Domain-wide building blocks shared by every feature: the exception for broken rules. */
package dev.tandem.domain;
