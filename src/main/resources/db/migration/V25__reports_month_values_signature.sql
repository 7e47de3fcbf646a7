-- An erasure deletes a signature's month values too (by signature, like every other table
-- it deletes from).
create index month_value_developers_signature on month_value_developers (signature);
