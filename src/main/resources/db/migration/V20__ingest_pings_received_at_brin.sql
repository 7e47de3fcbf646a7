-- A block-range index on received_at: rows are appended in received_at order (a fold window
-- at a time), so this tiny index (a few kB per GB of pings) lets reports read only the
-- latest days of a month's partition instead of all of it. Unsummarized ranges (the newest
-- pages) are always read, so it never misses a row.
create index pings_received_at on pings using brin (received_at) with (pages_per_range = 32, autosummarize = on);
