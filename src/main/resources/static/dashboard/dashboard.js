// Checkpoint dashboard: MAU over time and breakdowns, from the operator API.
// The token stays in this tab's sessionStorage and is sent as a Bearer token.
(() => {
  'use strict';

  const TOKEN_KEY = 'checkpoint.token';
  const DIMENSIONS = ['version', 'os', 'arch', 'node_version', 'ci'];
  const charts = {};
  const $ = (id) => document.getElementById(id);

  function monthString(date) {
    return date.toISOString().slice(0, 7);
  }

  async function api(path) {
    const response = await fetch(path, {
      credentials: 'omit',
      headers: { Accept: 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) },
    });
    if (response.status === 401 || response.status === 403) {
      signOut('Your token was refused (' + response.status + ').');
      throw new Error('unauthorized');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || ('HTTP ' + response.status));
    }
    return response.json();
  }

  function draw(id, type, labels, datasets) {
    const canvas = $(id);
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new Chart(canvas, {
      type,
      data: { labels, datasets },
      options: { animation: false, responsive: true, scales: { y: { beginAtZero: true } } },
    });
    const points = datasets.reduce((sum, set) => sum + set.data.length, 0);
    canvas.dataset.points = String(points);
  }

  async function loadSeries() {
    const product = $('product').value;
    if (!product) {
      $('status').textContent = 'No reports yet: they appear once pings arrive and the report job has run.';
      return;
    }
    const query = new URLSearchParams({ product, from: $('from').value, to: $('to').value });
    const series = await api('/api/reports/mau?' + query);
    const months = series.months || [];
    draw('mau-chart', 'line', months.map((m) => m.month), [
      { label: 'Developers', data: months.map((m) => m.developers) },
      { label: 'Excluding CI', data: months.map((m) => m.developers_excluding_ci) },
      { label: 'Returning (2+ days)', data: months.map((m) => m.returning_developers) },
    ]);
    $('mau-csv').dataset.path = '/api/reports/mau?' + query + '&format=csv';
    const select = $('month');
    select.replaceChildren(...months.slice().reverse().map((m) => new Option(m.month, m.month)));
    $('status').textContent = months.length ? '' : 'No report for this product in this range.';
    await loadBreakdowns();
  }

  async function loadBreakdowns() {
    const product = $('product').value;
    const month = $('month').value;
    if (!product || !month) {
      return;
    }
    await Promise.all(DIMENSIONS.map(async (dimension) => {
      const path = '/api/reports/mau/' + encodeURIComponent(product) + '/' + month + '/breakdown?dimension=' + dimension;
      const breakdown = await api(path);
      const rows = (breakdown.rows || []).slice(0, 15);
      draw('breakdown-' + dimension, 'bar', rows.map((r) => r.value || '(empty)'),
        [{ label: 'Developers', data: rows.map((r) => r.developers) }]);
    }));
  }

  async function showReports() {
    $('login').hidden = true;
    $('reports').hidden = false;
    const now = new Date();
    const yearAgo = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1));
    $('from').value = $('from').value || monthString(yearAgo);
    $('to').value = $('to').value || monthString(now);
    const products = await api('/api/reports/products');
    $('product').replaceChildren(...products.map((name) => new Option(name, name)));
    await loadSeries();
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('reports').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  function report(error) {
    if (error.message !== 'unauthorized') {
      $('status').textContent = 'Could not load the reports: ' + error.message;
    }
  }

  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    showReports().catch(report);
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('mau-csv').addEventListener('click', async (event) => {
    event.preventDefault();
    const response = await fetch(event.target.dataset.path, {
      credentials: 'omit',
      headers: { Accept: 'text/csv', Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) },
    });
    if (!response.ok) {
      report(new Error('HTTP ' + response.status));
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'mau-' + $('product').value + '.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  });
  for (const id of ['product', 'from', 'to']) {
    $(id).addEventListener('change', () => loadSeries().catch(report));
  }
  $('month').addEventListener('change', () => loadBreakdowns().catch(report));

  if (sessionStorage.getItem(TOKEN_KEY)) {
    showReports().catch(report);
  } else {
    signOut();
  }
})();
