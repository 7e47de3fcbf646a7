// Checkpoint dashboard: MAU over time and breakdowns, from the operator API. Sign-in and
// API calls (and the CSV download) go through api.js.
import * as api from './api.js';

const DIMENSIONS = ['version', 'os', 'arch', 'node_version', 'ci'];
const charts = {};
const $ = (id) => document.getElementById(id);
const report = api.reporter($('status'), 'the reports');

function monthString(date) {
  return date.toISOString().slice(0, 7);
}

// Counts are whole developers: the y axis never shows fractions (0.1 ... 1.0). A chart
// without data says so instead of drawing empty axes.
function draw(id, type, labels, datasets, empty) {
  const canvas = $(id);
  if (charts[id]) {
    charts[id].destroy();
  }
  charts[id] = new Chart(canvas, {
    type,
    data: { labels, datasets },
    options: { animation: false, responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  const points = datasets.reduce((sum, set) => sum + set.data.length, 0);
  canvas.dataset.points = String(points);
  let note = canvas.parentElement.querySelector('.empty');
  if (!note) {
    note = document.createElement('p');
    note.className = 'empty';
    canvas.before(note);
  }
  note.textContent = points ? '' : empty;
  note.hidden = points > 0;
  canvas.style.display = points ? 'block' : 'none';
}

async function loadSeries() {
  const product = $('product').value;
  if (!product) {
    $('status').textContent = 'No reports yet: they appear once pings arrive and the report job has run.';
    return;
  }
  const query = new URLSearchParams({ product, from: $('from').value, to: $('to').value });
  const series = await api.json('/api/reports/mau?' + query);
  const months = series.months || [];
  // one month is a bar: a line through a single point is a lone dot
  draw('mau-chart', months.length === 1 ? 'bar' : 'line', months.map((m) => m.month), [
    { label: 'Developers', data: months.map((m) => m.developers) },
    { label: 'Excluding CI', data: months.map((m) => m.developers_excluding_ci) },
    { label: 'Returning (2+ days)', data: months.map((m) => m.returning_developers) },
  ], 'No report for this product in this range.');
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
    const breakdown = await api.json(path);
    // the server orders the rows (versions newest first) and folds small cells into
    // "other", which it puts last: keep it when cutting the list for the chart
    const rows = breakdown.rows || [];
    const other = rows.length > 15 && rows[rows.length - 1].folded_values > 0;
    const shown = other ? rows.slice(0, 14).concat(rows.slice(-1)) : rows.slice(0, 15);
    draw('breakdown-' + dimension, 'bar', shown.map((r) => r.value || '(empty)'),
      [{ label: 'Developers', data: shown.map((r) => r.developers) }], 'No pings in this month.');
  }));
}

async function showReports() {
  const now = new Date();
  const yearAgo = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1));
  $('from').value = $('from').value || monthString(yearAgo);
  $('to').value = $('to').value || monthString(now);
  const products = await api.json('/api/reports/products');
  $('product').replaceChildren(...products.map((name) => new Option(name, name)));
  await loadSeries();
}

$('mau-csv').addEventListener('click', (event) => {
  event.preventDefault();
  if (event.currentTarget.dataset.path) {
    api.download(event.currentTarget.dataset.path, 'text/csv').catch(report);
  }
});
for (const id of ['product', 'from', 'to']) {
  $(id).addEventListener('change', () => loadSeries().catch(report));
}
$('month').addEventListener('change', () => loadBreakdowns().catch(report));

api.startSession($('reports'), showReports, report);
