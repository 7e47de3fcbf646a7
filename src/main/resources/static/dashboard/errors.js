// Checkpoint crash reports: open error groups per product, a group's recent reports and
// one report (found by its number too) with its stack traces and attachments, with
// resolve/reopen. Sign-in and API calls go through api.js, as on the usage dashboard.
// Report text is shown with textContent only.
import * as api from './api.js';

const PAGE_SIZE = 20;
const state = { page: 0, total: 0, group: null };
const $ = (id) => document.getElementById(id);
// facts that only some reports have (the Prisma CLI's): left out when empty
const OPTIONAL_FACTS = new Set(['Area', 'Kind', 'Engines', 'Platform', 'Operating system', 'Database', 'Completed',
  'Runtime']);
const report = api.reporter($('status-line'), 'the crash reports');

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (className) {
    td.className = className;
  }
  return td;
}

function badge(status) {
  const span = document.createElement('span');
  span.className = 'badge ' + status;
  span.textContent = status;
  return span;
}

function toggleButton(group) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'toggle';
  button.textContent = group.status === 'resolved' ? 'Reopen' : 'Resolve';
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    toggle(group).catch(report);
  });
  return button;
}

async function loadProducts() {
  const products = await api.json('/api/error-reports/products');
  const select = $('product');
  const chosen = select.value;
  select.replaceChildren(new Option('All products', ''), ...products.map((p) => new Option(p.product, p.product)));
  select.value = chosen;
  $('products').tBodies[0].replaceChildren(...products.map((p) => {
    const row = document.createElement('tr');
    row.className = 'pick';
    row.dataset.product = p.product;
    row.append(cell(p.product), cell(p.open_groups, 'count'), cell(p.open_reports, 'count'), cell(when(p.last_seen)));
    row.addEventListener('click', () => {
      $('product').value = p.product;
      state.page = 0;
      loadGroups().catch(report);
    });
    return row;
  }));
  if (!products.length) {
    $('status-line').textContent = 'No crash reports yet.';
  }
}

async function loadGroups() {
  const query = new URLSearchParams({ status: $('status').value, page: state.page, size: PAGE_SIZE });
  if ($('product').value) {
    query.set('product', $('product').value);
  }
  if ($('version').value.trim()) {
    query.set('version', $('version').value.trim());
  }
  const page = await api.json('/api/error-reports/groups?' + query);
  state.total = page.total;
  $('groups').tBodies[0].replaceChildren(...page.groups.map((group) => {
    const row = document.createElement('tr');
    row.className = 'pick' + (state.group === group.id ? ' selected' : '');
    row.dataset.id = group.id;
    const status = cell('');
    status.append(badge(group.status));
    const action = cell('');
    action.append(toggleButton(group));
    row.append(cell(group.title), cell(group.product), cell(group.report_count, 'count'), cell(when(group.last_seen)),
      status, action);
    row.addEventListener('click', () => loadGroup(group.id).catch(report));
    return row;
  }));
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  $('page-info').textContent = 'Page ' + (state.page + 1) + ' of ' + pages + ' (' + page.total + ' groups)';
  $('previous').disabled = state.page === 0;
  $('next').disabled = state.page + 1 >= pages;
  $('status-line').textContent = page.total ? '' : 'No ' + (page.status === 'all' ? '' : page.status + ' ') + 'error groups.';
}

async function loadGroup(id) {
  const detail = await api.json('/api/error-reports/groups/' + encodeURIComponent(id));
  const group = detail.group;
  state.group = group.id;
  for (const row of $('groups').tBodies[0].rows) {
    row.classList.toggle('selected', row.dataset.id === group.id);
  }
  $('group').hidden = false;
  $('report').hidden = true;
  $('group-title').textContent = group.title;
  $('group-summary').textContent = group.product + ' · ' + group.report_count + ' reports · first seen '
    + when(group.first_seen) + ' · last seen ' + when(group.last_seen)
    + (group.resolved_at ? ' · resolved ' + when(group.resolved_at) + ' by ' + group.resolved_by : ' · open');
  const button = $('group-toggle');
  button.textContent = group.status === 'resolved' ? 'Reopen' : 'Resolve';
  button.onclick = () => toggle(group).catch(report);
  $('reports').tBodies[0].replaceChildren(...detail.recent_reports.map((r) => {
    const row = document.createElement('tr');
    row.className = 'pick';
    row.dataset.id = r.id;
    row.append(cell(String(r.number)), cell(when(r.received_at)), cell(r.version), cell(r.os), cell(r.arch),
      cell(r.node_version), cell(r.consent));
    row.addEventListener('click', () => loadReport(r.id).catch(report));
    return row;
  }));
}

async function loadReport(id) {
  const r = await api.json('/api/error-reports/reports/' + encodeURIComponent(id));
  const prisma = r.prisma || {};
  $('report').hidden = false;
  $('report-number-title').textContent = r.number;
  const facts = [['Number', String(r.number)], ['Id', r.id], ['Received', when(r.received_at)],
    ['Product', r.product], ['Version', r.version], ['Consent', r.consent], ['OS', r.os], ['Arch', r.arch],
    ['Runtime', r.node_version], ['Signature', r.signature], ['Area', prisma.area], ['Kind', prisma.kind],
    ['Engines', prisma.binary_version], ['Platform', prisma.platform], ['Operating system', prisma.operating_system],
    ['Database', prisma.db_version], ['Completed', when(r.completed_at)]];
  $('report-facts').replaceChildren(...facts.filter(([name, value]) => value || !OPTIONAL_FACTS.has(name))
    .flatMap(([name, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.textContent = value || '—';
      return [dt, dd];
    }));
  $('report-message').textContent = r.message;
  $('report-command').textContent = r.command || '—';
  $('report-stack').textContent = r.stack_trace || '(no stack trace)';
  optionalText('report-rust', prisma.rust_stack_trace);
  optionalText('report-lift', prisma.lift_request);
  optionalText('report-sql', prisma.sql_dump);
  showAttachments(r);
  $('report').scrollIntoView({ block: 'nearest' });
}

function optionalText(id, text) {
  $(id + '-section').hidden = !text;
  $(id).textContent = text || '';
}

function showAttachments(r) {
  $('attachment').hidden = true;
  $('attachments-none').hidden = r.attachments.length > 0;
  $('attachments').hidden = r.attachments.length === 0;
  $('attachments').tBodies[0].replaceChildren(...r.attachments.map((a) => {
    const path = '/api/error-reports/reports/' + encodeURIComponent(r.id) + '/attachments/' + a.position;
    const row = document.createElement('tr');
    const actions = document.createElement('td');
    actions.append(button('View', () => viewAttachment(path, a.name)),
      button('Download', () => api.download(path + '?download=true', 'text/plain')));
    row.append(cell(a.name), cell(a.size + ' bytes'), actions);
    return row;
  }));
}

function button(label, action) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', () => action().catch(report));
  return element;
}

async function viewAttachment(path, name) {
  const text = await (await api.request(path, { accept: 'text/plain' })).text();
  $('attachment').hidden = false;
  $('attachment-name').textContent = name;
  $('attachment-text').textContent = text;
}

async function toggle(group) {
  const action = group.status === 'resolved' ? 'reopen' : 'resolve';
  await api.json('/api/error-reports/groups/' + encodeURIComponent(group.id) + '/' + action, 'POST');
  await Promise.all([loadGroups(), loadProducts()]);
  if (state.group === group.id) {
    await loadGroup(group.id);
  }
}

async function showErrors() {
  await loadProducts();
  await loadGroups();
}

$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  state.page = 0;
  loadGroups().catch(report);
});
for (const id of ['product', 'status']) {
  $(id).addEventListener('change', () => {
    state.page = 0;
    loadGroups().catch(report);
  });
}
$('previous').addEventListener('click', () => {
  state.page = Math.max(0, state.page - 1);
  loadGroups().catch(report);
});
$('next').addEventListener('click', () => {
  state.page += 1;
  loadGroups().catch(report);
});
$('find').addEventListener('submit', (event) => {
  event.preventDefault();
  const number = $('report-number').value.trim();
  if (number) {
    loadReport(number).catch(report);
  }
});

api.startSession($('errors'), showErrors, report);
