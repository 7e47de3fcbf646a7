-- Starting catalogue so that a fresh server answers the two client families it was built
-- for. Admins change it through the admin API; these rows are ordinary data.

insert into products (name, package_name, website, install_command)
values ('prisma', 'prisma', 'https://www.prisma.io', 'npm install {package}@{tag}'),
       ('terraform', '', 'https://www.terraform.io', '');

insert into releases (product_id, version, channel, released_at, download_url, changelog_url)
select id, '6.1.0', 'latest', timestamptz '2024-12-17 00:00:00+00', 'https://www.npmjs.com/package/prisma/v/6.1.0',
       'https://github.com/prisma/prisma/releases/tag/6.1.0'
from products where name = 'prisma';

insert into releases (product_id, version, channel, released_at, download_url, changelog_url)
select id, '1.10.3', 'latest', timestamptz '2024-12-18 00:00:00+00', 'https://releases.hashicorp.com/terraform/1.10.3',
       'https://github.com/hashicorp/terraform/blob/v1.10.3/CHANGELOG.md'
from products where name = 'terraform';
