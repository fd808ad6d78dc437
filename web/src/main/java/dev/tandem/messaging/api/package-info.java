/** REST for sending (/api/v1/messages) and following a send (/api/v1/outbound-messages). */
package dev.tandem.messaging.api;
