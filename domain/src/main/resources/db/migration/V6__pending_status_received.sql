-- The frequent sweep of pending statuses reads only recent rows: an index on their arrival time.
CREATE INDEX ix_pending_status_received ON pending_status (received_at);
