-- Batches look messages up by "wamid IN (...)" and contacts by "wa_id IN (...)" within one tenant
-- (history chunks: up to thousands per query). H2 uses an index for an IN list only when the list is
-- on the index's first column; with tenant_id first it scanned every row of the tenant for each
-- chunk, so imports slowed down as the tenant grew. The same uniqueness, led by the looked-up
-- column, serves equality lookups exactly as before on both databases. Tenant-wide contact scans keep
-- uk_contact_user_id (tenant_id first).
ALTER TABLE message DROP CONSTRAINT uk_message_wamid;
ALTER TABLE message ADD CONSTRAINT uk_message_wamid UNIQUE (wamid, tenant_id);

ALTER TABLE contact DROP CONSTRAINT uk_contact_wa_id;
ALTER TABLE contact ADD CONSTRAINT uk_contact_wa_id UNIQUE (wa_id, tenant_id);
