-- Developers of a month split by the month each was first seen in (its cohort, within the
-- months monthly_actives still holds): cohort = month gives the month's new developers, the
-- later months of a cohort how many of them came back. Computed when a month closes (final)
-- and once a day for the current month; kept for ever, like the reports.
create table mau_cohorts (
  product text not null,
  cohort date not null,
  month date not null,
  developers bigint not null,
  primary key (product, cohort, month),
  check (cohort <= month)
);
