// The admin view of releases (with their staged rollouts, which it can pause, resume,
// advance and abort) and of the webhook endpoints with their delivery log. Sign-in and
// API calls go through api.js; every change is the admin API's, audited there.
import * as api from './api.js';

const $ = (id) => document.getElementById(id);
const report = api.reporter($('status'), 'the releases');
const ACTIONS = { active: ['pause', 'advance', 'abort'], paused: ['resume', 'advance', 'abort'], aborted: [] };

function cell(text, className) {
  const element = document.createElement('td');
  element.textContent = text;
  if (className) {
    element.className = className;
  }
  return element;
}

function header(...titles) {
  const row = document.createElement('tr');
  row.append(...titles.map((title) => {
    const th = document.createElement('th');
    th.textContent = title;
    return th;
  }));
  return row;
}

async function rolloutOf(product, version) {
  try {
    return await api.json('/api/admin/products/' + encodeURIComponent(product) + '/releases/'
      + encodeURIComponent(version) + '/rollout');
  } catch (error) {
    if (error instanceof api.SignInRequired) {
      throw error;
    }
    return null;
  }
}

async function loadReleases() {
  const product = $('product').value;
  const table = $('releases');
  if (!product) {
    table.replaceChildren(header('No product yet'));
    return;
  }
  const base = '/api/admin/products/' + encodeURIComponent(product) + '/releases';
  const releases = await api.json(base + '?include_retired=true');
  const rollouts = await Promise.all(releases.map((release) => rolloutOf(product, release.version)));
  const rows = releases.map((release, index) => {
    const rollout = rollouts[index];
    const row = document.createElement('tr');
    row.dataset.version = release.version;
    const state = release.yank_reason ? 'yanked: ' + release.yank_reason : release.retired_at ? 'retired' : 'live';
    const share = rollout ? rollout.state + ' at ' + rollout.percent + '%' + (rollout.complete ? ' (complete)' : '')
      : '–';
    const actions = document.createElement('td');
    for (const action of rollout && !rollout.complete ? ACTIONS[rollout.state] : []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action;
      button.dataset.action = action;
      button.addEventListener('click', () => {
        api.json(base + '/' + encodeURIComponent(release.version) + '/rollout/' + action, 'POST')
          .then(loadReleases)
          .catch(report);
      });
      actions.append(button);
    }
    row.append(cell(release.version), cell(release.channel), cell(release.released_at.slice(0, 10)), cell(state),
      cell(share, 'rollout'), actions);
    return row;
  });
  table.replaceChildren(header('Version', 'Channel', 'Released', 'State', 'Rollout', ''), ...rows);
}

async function loadWebhooks() {
  const endpoints = await api.json('/api/admin/webhooks');
  const table = $('webhooks');
  const rows = endpoints.map((endpoint) => {
    const row = document.createElement('tr');
    row.className = 'pick';
    row.dataset.id = endpoint.id;
    row.append(cell(endpoint.url), cell(endpoint.events.join(', ')), cell(endpoint.created_at.slice(0, 10)),
      cell(endpoint.retired_at ? 'removed' : 'live'));
    row.addEventListener('click', () => loadDeliveries(endpoint.id).catch(report));
    return row;
  });
  table.replaceChildren(...(endpoints.length ? [header('URL', 'Events', 'Registered', 'State'), ...rows]
    : [header('No webhook endpoint registered')]));
}

async function loadDeliveries(id) {
  const deliveries = await api.json('/api/admin/webhooks/' + id + '/deliveries');
  $('deliveries-title').hidden = false;
  const rows = deliveries.map((delivery) => {
    const row = document.createElement('tr');
    const last = delivery.attempts[delivery.attempts.length - 1];
    row.append(cell(delivery.event), cell(delivery.status, 'status'), cell(String(delivery.attempts.length), 'count'),
      cell(last ? (last.status_code ?? last.error) : '–'), cell(delivery.created_at.replace('T', ' ').slice(0, 19)));
    return row;
  });
  $('deliveries').replaceChildren(header('Event', 'Status', 'Attempts', 'Last answer', 'Queued'), ...rows);
  $('admin').dataset.deliveries = String(id);
}

async function show() {
  const products = await api.json('/api/admin/products');
  const select = $('product');
  const chosen = select.value;
  select.replaceChildren(...products.map((product) => new Option(product.name, product.name)));
  if (chosen) {
    select.value = chosen;
  }
  await Promise.all([loadReleases(), loadWebhooks()]);
  $('admin').dataset.loaded = select.value;
}

$('product').addEventListener('change', () => {
  loadReleases().then(() => {
    $('admin').dataset.loaded = $('product').value;
  }).catch(report);
});

api.startSession($('admin'), show, report);
