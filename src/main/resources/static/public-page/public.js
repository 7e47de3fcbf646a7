// A product's public page: MAU over time and the version, OS and arch shares of the
// latest month, from the open JSON beside it (/public/{product}/mau.json, shares.json).
const $ = (id) => document.getElementById(id);
const product = decodeURIComponent(window.location.pathname.split('/')[2] || '');
const base = '/public/' + encodeURIComponent(product);

function draw(id, type, labels, datasets, options = {}) {
  const canvas = $(id);
  new Chart(canvas, {
    type,
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      aspectRatio: id.startsWith('share-') ? 1.6 : 3.2,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      ...options,
    },
  });
  canvas.dataset.points = String(datasets.reduce((sum, set) => sum + set.data.length, 0));
}

async function get(path) {
  const response = await fetch(base + path);
  if (!response.ok) {
    throw new Error(response.status === 429 ? 'Too many requests: try again in a minute.'
      : 'No public usage data for this product (' + response.status + ').');
  }
  return response.json();
}

async function show() {
  document.title = product + ' usage';
  $('title').textContent = product + ' usage';
  for (const [id, path] of [['mau-json', '/mau.json'], ['mau-csv', '/mau.csv'], ['shares-json', '/shares.json'],
    ['shares-csv', '/shares.csv']]) {
    $(id).href = base + path;
  }
  const mau = await get('/mau.json');
  const months = mau.months || [];
  draw('mau-chart', months.length === 1 ? 'bar' : 'line', months.map((m) => m.month), [
    { label: 'Developers', data: months.map((m) => m.developers) },
    { label: 'Excluding CI', data: months.map((m) => m.developers_excluding_ci) },
  ]);
  const shares = await get('/shares.json');
  $('shares-title').textContent = 'Shares of developers in ' + shares.month
    + (months.length && !months[months.length - 1].complete ? ' (so far)' : '');
  for (const dimension of shares.dimensions) {
    const values = dimension.values.slice(0, 15);
    draw('share-' + dimension.dimension, 'bar', values.map((v) => v.value), [
      { label: '% of developers', data: values.map((v) => Math.round(v.share * 1000) / 10) },
    ], { scales: { y: { beginAtZero: true, max: 100, ticks: { callback: (value) => value + '%' } } } });
  }
}

show().catch((error) => {
  $('status').textContent = error.message;
});
