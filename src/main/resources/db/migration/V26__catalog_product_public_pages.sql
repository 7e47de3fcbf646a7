-- A product's public page (/public/{product}: MAU and version, OS and arch shares, thresholded,
-- open to everyone) is off until an admin switches it on.
alter table products add column public_page boolean not null default false;
