-- Demo data is opt-in: V2 put the products prisma and terraform, one release each, into
-- every install. Unless checkpoint.catalog.demo-data is true (passed in as the placeholder
-- catalog_demo_data), this removes each of them that is still untouched demo data: the
-- product and its one release exactly as V2 wrote them, and nothing that refers to it (no
-- other release, notice, version constraint, ping, monthly count, MAU report, crash report
-- or catalogue audit event). A product in real use stays as it is. The setting is read here
-- only, when this migration runs: after it, the catalogue is ordinary data.

create temporary table untouched_demo_products as
select p.id
from products p
join (values
  ('prisma', 'prisma', 'https://www.prisma.io', 'npm install {package}@{tag}', '6.1.0',
   timestamptz '2024-12-17 00:00:00+00', 'https://www.npmjs.com/package/prisma/v/6.1.0',
   'https://github.com/prisma/prisma/releases/tag/6.1.0'),
  ('terraform', '', 'https://www.terraform.io', '', '1.10.3',
   timestamptz '2024-12-18 00:00:00+00', 'https://releases.hashicorp.com/terraform/1.10.3',
   'https://github.com/hashicorp/terraform/blob/v1.10.3/CHANGELOG.md'))
  as seed (name, package_name, website, install_command, version, released_at, download_url, changelog_url)
  on seed.name = p.name
where not ${catalog_demo_data}
  and p.package_name = seed.package_name and p.website = seed.website
  and p.install_command = seed.install_command and p.retired_at is null
  and (select count(*) from releases r where r.product_id = p.id) = 1
  and exists (select from releases r where r.product_id = p.id and r.version = seed.version
    and r.channel = 'latest' and r.released_at = seed.released_at and r.download_url = seed.download_url
    and r.changelog_url = seed.changelog_url and r.retired_at is null)
  and not exists (select from notices n where n.product_id = p.id)
  and not exists (select from version_constraints c where c.product = p.name)
  and not exists (select from ping_products n where n.name = p.name)
  and not exists (select from monthly_actives m where m.product = p.name)
  and not exists (select from monthly_anonymous m where m.product = p.name)
  and not exists (select from mau_reports m where m.product = p.name)
  and not exists (select from error_groups g where g.product = p.name)
  and not exists (select from audit_events a where
    (a.entity_type = 'product' and a.entity_key = p.name)
    or (a.entity_type = 'release' and starts_with(a.entity_key, p.name || '@'))
    or (a.entity_type = 'notice' and starts_with(a.entity_key, p.name || '#'))
    or (a.entity_type = 'version_constraint' and right(a.entity_key, length(p.name) + 1) = '/' || p.name));

delete from releases where product_id in (select id from untouched_demo_products);
delete from products where id in (select id from untouched_demo_products);

drop table untouched_demo_products;
