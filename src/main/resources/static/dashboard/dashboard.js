// Checkpoint dashboard: headline figures, MAU, daily activity, adoption, notice exposure,
// retention and breakdowns, from the operator API. Sign-in and API calls (and the CSV
// download) go through api.js.
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
function draw(id, type, labels, datasets, empty, stacked = false) {
  const canvas = $(id);
  if (charts[id]) {
    charts[id].destroy();
  }
  charts[id] = new Chart(canvas, {
    type,
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      // the series over time span the page: keep them low; the breakdowns share a grid
      aspectRatio: id.startsWith('breakdown-') ? 1.6 : 3.2,
      scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
    },
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
  await Promise.all([loadHeadlines(), loadDaily(), loadAdoption(), loadNotices(), loadRetention(),
    loadBreakdowns()]);
  // every view of this product is drawn (tests wait for it)
  if ($('product').value === product) {
    $('reports').dataset.loaded = product;
  }
}

const number = (value) => (value == null ? '–' : Number(value).toLocaleString('en'));
const percent = (share) => (share == null ? '–' : Math.round(share * 100) + '%');
const signed = (change) => (change == null ? '' : (change >= 0 ? '+' : '−') + Math.abs(Math.round(change * 100)) + '%');

function tile(id, figure, detail) {
  $(id).querySelector('.figure').textContent = figure;
  $(id).querySelector('.detail').textContent = detail;
}

// The tiles: every figure comes from the headlines API, which reads what the jobs stored.
async function loadHeadlines() {
  const headlines = await api.json('/api/reports/headlines?' + new URLSearchParams({ product: $('product').value }));
  const mtd = headlines.month_to_date;
  tile('tile-mau', headlines.month ? number(headlines.month.developers) : '–',
    mtd ? `${number(mtd.developers)} by ${mtd.day} against ${number(mtd.developers_last_month)} by `
      + `${mtd.same_day_last_month}` + (mtd.change == null ? '' : ` (${signed(mtd.change)})`)
      : 'No day of this month computed yet.');
  const day = headlines.day;
  tile('tile-dau', day ? number(day.developers) : '–',
    day ? `on ${day.day}; ${number(day.weekly_developers)} in its week, ${percent(day.ci_share)} CI only`
      + (day.developers_week_before == null ? '' : `; ${number(day.developers_week_before)} a week before`)
      : 'No day computed yet: a day appears once it is over.');
  const fresh = headlines.new_developers;
  tile('tile-new', fresh ? number(fresh.developers) : '–',
    fresh ? `first seen in ${fresh.month}` : 'Counted once a day has been computed.');
  const worst = headlines.worst_notice;
  tile('tile-notice', worst ? number(worst.latest.exposed) : '–',
    worst ? `exposed on ${worst.latest.day} to “${worst.notice.message}” (${worst.notice.level})`
      : 'No live notice has been computed yet.');
}

function cell(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) {
    element.className = className;
  }
  return element;
}

// The live notices, the most exposed first; a row picks the notice whose days are drawn.
async function loadNotices() {
  const product = $('product').value;
  const path = '/api/reports/notices?' + new URLSearchParams({ product });
  const list = await api.json(path);
  const notices = list.notices || [];
  const table = $('notices');
  const header = document.createElement('tr');
  header.append(...['Notice', 'Level', 'Versions', 'Day', 'Exposed', 'Shown', 'Moved on', 'A week before']
    .map((title) => cell('th', title)));
  const rows = notices.map((entry, index) => {
    const row = document.createElement('tr');
    row.className = 'pick' + (index === 0 ? ' selected' : '');
    row.dataset.notice = entry.notice.id;
    const latest = entry.latest || {};
    row.append(cell('td', entry.notice.message), cell('td', entry.notice.level, 'level-' + entry.notice.level),
      cell('td', entry.notice.version_range), cell('td', latest.day || 'not computed yet'),
      cell('td', number(latest.exposed), 'count'), cell('td', number(latest.shown), 'count'),
      cell('td', number(latest.moved), 'count'),
      cell('td', entry.week_before ? number(entry.week_before.exposed) : '–', 'count'));
    row.addEventListener('click', () => {
      table.querySelectorAll('tr.selected').forEach((selected) => selected.classList.remove('selected'));
      row.classList.add('selected');
      loadExposure(entry.notice.id).catch(report);
    });
    return row;
  });
  table.replaceChildren(...(notices.length ? [header, ...rows]
    : [cell('caption', 'No live notice for this product.')]));
  $('notices-csv').dataset.path = path + '&format=csv';
  await loadExposure(notices.length ? notices[0].notice.id : null);
}

async function loadExposure(id) {
  if (id == null) {
    draw('exposure-chart', 'line', [], [], 'No live notice for this product.');
    delete $('exposure-csv').dataset.path;
    return;
  }
  const path = '/api/reports/notices/' + id + '/exposure?' + new URLSearchParams(dayRange());
  const exposure = await api.json(path);
  const days = exposure.days || [];
  draw('exposure-chart', days.length === 1 ? 'bar' : 'line', days.map((d) => d.day), [
    { label: 'Exposed', data: days.map((d) => d.exposed) },
    { label: 'Shown the notice', data: days.map((d) => d.shown) },
    { label: 'Moved on', data: days.map((d) => d.moved) },
  ], 'No day of this range has been computed for this notice yet.');
  $('exposure-csv').dataset.path = path + '&format=csv';
}

// One row per cohort (the month its developers were first seen in), one column per month
// since: the share of the cohort active then. Cells under the privacy threshold are null.
async function loadRetention() {
  const query = new URLSearchParams({ product: $('product').value, from: $('from').value, to: $('to').value });
  const retention = await api.json('/api/reports/retention?' + query);
  const cohorts = retention.cohorts || [];
  const table = $('retention');
  const width = Math.max(0, ...cohorts.map((cohort) => cohort.months.length));
  const header = document.createElement('tr');
  header.append(cell('th', 'First seen'), cell('th', 'New developers'),
    ...Array.from({ length: width }, (_, i) => cell('th', i === 0 ? 'Same month' : '+' + i)));
  const rows = cohorts.map((cohort) => {
    const row = document.createElement('tr');
    row.append(cell('td', cohort.cohort), cell('td', cohort.developers ?? '–', 'count'),
      ...cohort.months.map((month) => cell('td', month.share == null ? '–' : Math.round(month.share * 100) + '%',
        'count')));
    return row;
  });
  table.replaceChildren(...(cohorts.length ? [header, ...rows]
    : [cell('caption', 'No new developers in this range yet: cohorts appear once a day has been computed.')]));
  $('retention-csv').dataset.path = '/api/reports/retention?' + query + '&format=csv';
}

// The days of the chosen months (the API takes at most 400 days: the last 400 of them).
function dayRange() {
  const to = new Date(Date.UTC(Number($('to').value.slice(0, 4)), Number($('to').value.slice(5, 7)), 0));
  const from = new Date(Date.UTC(Number($('from').value.slice(0, 4)), Number($('from').value.slice(5, 7)) - 1, 1));
  const earliest = new Date(to.getTime() - 399 * 86400000);
  const day = (date) => date.toISOString().slice(0, 10);
  return { from: day(from < earliest ? earliest : from), to: day(to) };
}

async function loadDaily() {
  const query = new URLSearchParams({ product: $('product').value, ...dayRange() });
  const daily = await api.json('/api/reports/daily?' + query);
  const days = daily.days || [];
  draw('daily-chart', days.length === 1 ? 'bar' : 'line', days.map((d) => d.day), [
    { label: 'Developers', data: days.map((d) => d.developers) },
    { label: 'Excluding CI', data: days.map((d) => d.developers_excluding_ci) },
    { label: 'Weekly (7 days)', data: days.map((d) => d.weekly_developers) },
  ], 'No day of this range has been computed yet: a day appears once it is over.');
  $('daily-csv').dataset.path = '/api/reports/daily?' + query + '&format=csv';
}

// Developers per value, day by day, stacked: the server picks the top values, orders them
// (versions newest first) and folds the rest and small cells into "other".
async function loadAdoption() {
  const product = $('product').value;
  const query = new URLSearchParams({ dimension: $('adoption-dimension').value, ...dayRange() });
  const path = '/api/reports/daily/' + encodeURIComponent(product) + '/adoption?' + query;
  const adoption = await api.json(path);
  const days = adoption.days || [];
  const single = days.length === 1;
  draw('adoption-chart', single ? 'bar' : 'line', days, (adoption.series || []).map((series) => ({
    label: series.value,
    data: series.developers,
    fill: !single,
  })), 'No day of this range has been computed yet: a day appears once it is over.', true);
  $('adoption-csv').dataset.path = path + '&format=csv';
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

for (const id of ['mau-csv', 'daily-csv', 'adoption-csv', 'notices-csv', 'exposure-csv', 'retention-csv']) {
  $(id).addEventListener('click', (event) => {
    event.preventDefault();
    if (event.currentTarget.dataset.path) {
      api.download(event.currentTarget.dataset.path, 'text/csv').catch(report);
    }
  });
}
for (const id of ['product', 'from', 'to']) {
  $(id).addEventListener('change', () => loadSeries().catch(report));
}
$('month').addEventListener('change', () => loadBreakdowns().catch(report));
$('adoption-dimension').addEventListener('change', () => loadAdoption().catch(report));

api.startSession($('reports'), showReports, report);
