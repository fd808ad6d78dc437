/**
 * Message templates of a WABA: the one store behind the management API (create, list, get, edit,
 * delete), the world's review decisions (approve, reject, pause, disable, each announced by a
 * message_template_status_update webhook) and send checks (132001/132015/132016/132000/132012, with
 * the parameter count derived from the components).
 */
package dev.tandem.sandbox.templates;
