-- For endpoints told of notice exposure: the number of developers still exposed that counts,
-- and after how many days from a notice's creation being still above it is worth telling.
alter table webhook_endpoints add column exposure_threshold integer check (exposure_threshold > 0);
alter table webhook_endpoints add column exposure_after_days integer check (exposure_after_days > 0);
