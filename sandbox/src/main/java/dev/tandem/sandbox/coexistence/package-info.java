/**
 * The Business App side of coexistence numbers: the phone's contacts and chat history, released by
 * the partner's one-shot smb_app_data requests (within 24 h of onboarding) as smb_app_state_sync and
 * history webhooks: phases, chunk_order, progress, shuffled chunks, media placeholders, or 2593109.
 */
package dev.tandem.sandbox.coexistence;
