-- Erasing a signature deletes its rows by signature: give every table it deletes from an
-- index that leads with the signature, so that an erasure is an index lookup, not a scan.
-- pings already has one (pings_fold_key, V11) and error_reports too (V13). The
-- notice_deliveries primary key leads with notice_id, so it does not serve. On a large
-- installation, these can be built beforehand with "create index concurrently" under the
-- same names; this migration then skips them.
create index if not exists monthly_actives_signature on monthly_actives (signature);
create index if not exists notice_deliveries_signature on notice_deliveries (signature);
