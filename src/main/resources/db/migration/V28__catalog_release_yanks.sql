-- A yanked release: retired with a reason, and the notice (if any) that tells the clients still
-- on it. Restoring the release retires that notice.
alter table releases add column yank_reason text;
alter table releases add column yank_notice_id integer references notices (id) on delete set null;
