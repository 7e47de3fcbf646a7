-- Which notices were already delivered to which signature, so that a notice is not
-- repeated to the same client (go-checkpoint: the signature "ensures alerts aren't repeated").
create table notice_deliveries (
  notice_id integer not null references notices (id) on delete cascade,
  signature uuid not null,
  delivered_at timestamptz not null,
  primary key (notice_id, signature)
);

create index notice_deliveries_delivered_at on notice_deliveries (delivered_at);
