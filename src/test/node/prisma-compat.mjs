#!/usr/bin/env node
// Prisma compatibility check (PROTOCOL.md §6.6 "Prisma").
//
// Drives Prisma's real, unmodified npm `checkpoint-client@1.1.33` against a Checkpoint server and
// asserts what the client needs from GET /v1/check/{product}. See README.md in this directory.
//
// Usage:
//   node prisma-compat.mjs --endpoint http://127.0.0.1:8080 --product prisma --version 5.1.0 \
//     --expect-current-version 6.1.0 --expect-package prisma --expect-release-tag latest
//
// Result: one JSON line on stdout ({"ok":true,...} or {"ok":false,"error":...}); exit 0 on success,
// exit 1 with "FAIL <reason>" on stderr otherwise. Never runs longer than --timeout-ms (default 30000).

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const SPY = path.join(HERE, 'request-spy.cjs')
const EXPECTED_CLIENT_VERSION = '1.1.33'
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
// Environment variables that change what checkpoint-client 1.1.33 does, removed before it is loaded:
//   CHECKPOINT_DISABLE        any non-empty value => check() returns {status:'disabled'}, no request
//   CHECKPOINT_DEBUG_STDOUT   set => the child prints the URL it would call and sends nothing
//   CHECKPOINT_TIMEOUT        overrides the 5 s request timeout (we want Prisma's default)
//   PRISMA_TELEMETRY_ENDPOINT used only when `endpoint` is empty; removed so a mistake can never
//                             reach another server
// CI variables (CI, BUILD_ID, GITHUB_ACTIONS, ...) are deliberately NOT touched: in 1.1.33 they do not
// disable anything; ci-info only turns them into the `ci`/`ci_name` query parameters (override with --ci).
const CLIENT_ENV = ['CHECKPOINT_DISABLE', 'CHECKPOINT_DEBUG_STDOUT', 'CHECKPOINT_TIMEOUT', 'PRISMA_TELEMETRY_ENDPOINT']
// Keys and JSON types of checkpoint-client's Check.Response (dist/types.d.ts).
const RESPONSE_TYPES = {
  client_event_id: 'string',
  previous_client_event_id: 'string',
  product: 'string',
  cli_path_hash: 'string',
  local_timestamp: 'string',
  previous_version: 'string',
  current_version: 'string',
  current_release_date: 'number',
  current_download_url: 'string',
  current_changelog_url: 'string',
  package: 'string',
  release_tag: 'string',
  install_command: 'string',
  project_website: 'string',
  outdated: 'boolean',
  alerts: 'array',
}
const ALERT_TYPES = { id: 'number', date: 'number', message: 'string', url: 'string', level: 'string' }
const ARRAY_PARAMS = ['schema_providers', 'schema_preview_features', 'schema_generators_providers']

const result = { ok: false }
let tmpDir = null
let keepTmp = false
const children = new Set() // ChildProcess handles we hold
const spyPids = new Set() // pids of client children seen by the spy (incl. those check() does not return)
let finished = false

class Failure extends Error {}
function assert(cond, reason) {
  if (!cond) throw new Failure(reason)
}
const show = (v) => JSON.stringify(v)
// First line of a child's stderr (the client's console.error(err)), shortened.
const brief = (text) => {
  const line = ((text || '').trim().split('\n')[0] || '(empty)').replace(/(https?:\/\/[^\s?]+)\?\S+/g, '$1?...')
  return line.length > 300 ? line.slice(0, 300) + '...' : line
}

function finish(code, reason) {
  if (finished) return
  finished = true
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  for (const pid of spyPids) {
    try {
      process.kill(pid, 0) // still running? (only pids of children this run started)
      process.kill(pid, 'SIGKILL')
    } catch (_) {}
  }
  if (tmpDir && !keepTmp) {
    try {
      fs.rmSync(tmpDir, { recursive: true, force: true })
    } catch (_) {}
  }
  if (code !== 0) {
    result.ok = false
    result.error = reason
  }
  process.stdout.write(JSON.stringify(result) + '\n')
  if (code !== 0) process.stderr.write(`FAIL ${reason}\n`)
  process.exit(code)
}

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) throw new Failure(`unexpected argument ${show(a)}`)
    const eq = a.indexOf('=')
    if (eq > 0) {
      out[a.slice(2, eq)] = a.slice(eq + 1)
    } else if (a === '--keep-tmp') {
      out['keep-tmp'] = 'true'
    } else {
      if (i + 1 >= argv.length) throw new Failure(`missing value for ${a}`)
      out[a.slice(2)] = argv[++i]
    }
  }
  const known = [
    'endpoint', 'product', 'version', 'expect-current-version', 'expect-package', 'expect-release-tag',
    'project-hash', 'cli-path-hash', 'command', 'information', 'ci', 'ci-name', 'timeout-ms', 'keep-tmp',
  ]
  for (const k of Object.keys(out)) if (!known.includes(k)) throw new Failure(`unknown option --${k}`)
  for (const k of known.slice(0, 6)) if (out[k] === undefined) throw new Failure(`missing required option --${k}`)
  if (out.ci !== undefined && out.ci !== 'true' && out.ci !== 'false') throw new Failure('--ci must be true or false')
  return out
}

// ---------------------------------------------------------------- helpers

function cacheDirFor(tmp) {
  // env-paths('checkpoint', {suffix: 'nodejs'}).cache, as used by checkpoint-client
  if (process.platform === 'darwin') return path.join(tmp, 'Library', 'Caches', 'checkpoint-nodejs')
  if (process.platform === 'win32') return path.join(tmp, 'checkpoint-nodejs', 'Cache')
  return path.join(tmp, 'cache', 'checkpoint-nodejs')
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

function parseQuery(search) {
  const sp = new URLSearchParams(search)
  const names = []
  const params = {}
  for (const k of ARRAY_PARAMS) params[k] = []
  for (const [k, v] of sp) {
    if (!names.includes(k)) names.push(k)
    if (ARRAY_PARAMS.includes(k)) params[k].push(v)
    else if (k in params) params[k] = [].concat(params[k], v)
    else params[k] = v
  }
  return { names, params }
}

function readSpy(file) {
  let text = ''
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (_) {
    return []
  }
  const lines = text.split('\n')
  lines.pop() // incomplete (or empty) last line
  return lines.filter(Boolean).map((l) => JSON.parse(l))
}

// Events of the n-th client child process (0-based, in order of its first event).
function childEvents(events, n) {
  const pids = []
  for (const e of events) if (!pids.includes(e.pid)) pids.push(e.pid)
  if (pids.length <= n) return null
  const pid = pids[n]
  return { pid, events: events.filter((e) => e.pid === pid) }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function waitForSpyExit(spyLog, n, deadline, label) {
  for (;;) {
    const c = childEvents(readSpy(spyLog), n)
    if (c) spyPids.add(c.pid)
    if (c && c.events.some((e) => e.event === 'exit')) return c
    assert(Date.now() < deadline, `${label}: client child process did not finish in time`)
    await sleep(25)
  }
}

function waitForChild(child, deadline, label) {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    child.stdout && child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d))
    child.stderr && child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Failure(`${label}: client child process did not finish in time`))
    }, Math.max(0, deadline - Date.now()))
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(new Failure(`${label}: cannot run client child process: ${err.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

function summariseChild(c) {
  const request = c.events.find((e) => e.event === 'request')
  const response = c.events.find((e) => e.event === 'response')
  const exit = c.events.find((e) => e.event === 'exit')
  const stdout = c.events.filter((e) => e.event === 'stdout').map((e) => e.text).join('')
  const stderr = c.events.filter((e) => e.event === 'stderr').map((e) => e.text).join('')
  return { pid: c.pid, request, response, exit_code: exit ? exit.code : null, stdout, stderr, requests: c.events.filter((e) => e.event === 'request').length }
}

function checkRequest(label, req, endpointUrl, product) {
  assert(req, `${label}: the client sent no HTTP request`)
  const u = new URL(req.path, `${req.protocol}//${req.host}`)
  const base = endpointUrl.pathname.replace(/\/$/, '')
  assert(req.method === 'GET', `${label}: expected GET, client sent ${req.method}`)
  assert(req.protocol === endpointUrl.protocol, `${label}: client used ${req.protocol}, endpoint is ${endpointUrl.protocol}`)
  assert(req.host === endpointUrl.hostname, `${label}: client called host ${req.host}, endpoint host is ${endpointUrl.hostname}`)
  assert(u.pathname === `${base}/v1/check/${product}`, `${label}: client called path ${u.pathname}, expected ${base}/v1/check/${product}`)
  const q = parseQuery(u.search)
  return { url: `${endpointUrl.origin}${req.path}`, param_names: q.names, params: q.params, headers: req.headers }
}

function checkResponseShape(label, out) {
  assert(out && typeof out === 'object' && !Array.isArray(out), `${label}: response body is not a JSON object: ${show(out)}`)
  for (const [k, t] of Object.entries(RESPONSE_TYPES)) {
    const v = out[k]
    const ok = t === 'array' ? Array.isArray(v) : typeof v === t && v !== null
    assert(ok, `${label}: response field ${k} must be a JSON ${t}, got ${show(v)}`)
  }
  out.alerts.forEach((a, i) => {
    for (const [k, t] of Object.entries(ALERT_TYPES)) {
      assert(typeof a[k] === t, `${label}: alerts[${i}].${k} must be a JSON ${t}, got ${show(a[k])}`)
    }
  })
}

function checkUpdateFields(label, data, args) {
  assert(data.current_version === args['expect-current-version'], `${label}: current_version is ${show(data.current_version)}, expected ${show(args['expect-current-version'])}`)
  assert(data.package === args['expect-package'], `${label}: package is ${show(data.package)}, expected ${show(args['expect-package'])}`)
  assert(data.release_tag === args['expect-release-tag'], `${label}: release_tag is ${show(data.release_tag)}, expected ${show(args['expect-release-tag'])}`)
  assert(data.previous_version === args.version, `${label}: previous_version is ${show(data.previous_version)}, expected the request's version ${show(args.version)}`)
}

// ---------------------------------------------------------------- main

async function main() {
  const args = parseArgs(process.argv.slice(2))
  keepTmp = args['keep-tmp'] === 'true'
  const overallMs = args['timeout-ms'] ? Number(args['timeout-ms']) : 30000
  assert(Number.isFinite(overallMs) && overallMs > 0, '--timeout-ms must be a positive number')
  const deadline = Date.now() + overallMs
  // Backstop; every wait below is also bounded by `deadline`. Not unref'd, so it also keeps the
  // process alive until finish() prints a result, whatever happens.
  setTimeout(() => finish(1, `overall timeout of ${overallMs} ms exceeded`), overallMs + 1000)
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => finish(1, `interrupted by ${sig}`))

  let endpointUrl
  try {
    endpointUrl = new URL(args.endpoint)
  } catch (_) {
    throw new Failure(`--endpoint is not a URL: ${show(args.endpoint)}`)
  }
  assert(/^https?:$/.test(endpointUrl.protocol), '--endpoint must be an http:// or https:// URL')
  // The client replaces the whole query with the endpoint's own query if it has one (url.format uses `search`).
  assert(!endpointUrl.search && !endpointUrl.hash, '--endpoint must not contain a query string or fragment')
  const product = args.product

  // 1. Isolated cache + signature, and an environment that cannot disable or divert the client.
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-compat-'))
  process.env.XDG_CACHE_HOME = path.join(tmpDir, 'cache') // Linux (env-paths)
  if (process.platform === 'darwin') process.env.HOME = tmpDir // env-paths uses ~/Library/Caches
  if (process.platform === 'win32') process.env.LOCALAPPDATA = tmpDir
  const cacheDir = cacheDirFor(tmpDir)
  const removed = CLIENT_ENV.filter((k) => k in process.env)
  for (const k of CLIENT_ENV) delete process.env[k]
  const spyLog = path.join(tmpDir, 'spy.jsonl')
  process.env.CHECKPOINT_COMPAT_SPY_LOG = spyLog
  // Inherited by the client's forked child only (this process has already started).
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS || ''} --require ${JSON.stringify(SPY)}`.trim()

  const require = createRequire(import.meta.url)
  let clientVersion
  try {
    clientVersion = require('checkpoint-client/package.json').version
    require.resolve('ci-info')
  } catch (_) {
    throw new Failure(`checkpoint-client or ci-info is not installed next to this script: run npm ci --prefix ${HERE}`)
  }
  assert(clientVersion === EXPECTED_CLIENT_VERSION, `checkpoint-client ${clientVersion} is installed, expected ${EXPECTED_CLIENT_VERSION} (run npm ci)`)
  const ciInfo = require('ci-info') // the same module instance checkpoint-client requires at run time
  const { check } = require('checkpoint-client')

  const cliPathHash = args['cli-path-hash'] || 'compat-cli-path-hash'
  const input = {
    product,
    version: args.version,
    project_hash: args['project-hash'] || 'compat-project-hash',
    cli_path_hash: cliPathHash,
    cli_path: path.join(HERE, 'prisma-compat.mjs'),
    command: args.command !== undefined ? args.command : 'compat check --schema prisma/schema.prisma',
    information: args.information !== undefined ? args.information : 'checkpoint compat test',
    cli_install_type: 'local',
    schema_providers: ['postgresql', 'sqlite'],
    schema_preview_features: ['tracing'],
    schema_generators_providers: ['prisma-client-js'],
    endpoint: args.endpoint,
    unref: false, // keep the child attached: stdio piped, and we can wait for it
  }
  if (args.ci !== undefined) input.ci = args.ci === 'true'
  if (args['ci-name'] !== undefined) input.ci_name = args['ci-name']

  Object.assign(result, {
    node: process.version,
    checkpoint_client: clientVersion,
    ci_info: require('ci-info/package.json').version,
    endpoint: args.endpoint,
    check_url: `${endpointUrl.origin}${endpointUrl.pathname.replace(/\/$/, '')}/v1/check/${product}`,
    env_removed: removed,
    ci_env: { is_ci: ciInfo.isCI, name: ciInfo.name, ci_param_override: input.ci, ci_name_override: input.ci_name },
    cache_dir: keepTmp ? cacheDir : undefined,
  })

  // 2./3. First call: no cache yet => {status:'waiting', data: ChildProcess}; the child asks with
  //        check_if_update_available=true and caches our answer.
  const r1 = await check(input)
  result.first = { status: r1.status }
  assert(r1.status === 'waiting', `first check(): expected status 'waiting', got ${show(r1.status)}${r1.status === 'disabled' ? ' (checkpoint disabled by environment?)' : ''}`)
  const child1 = r1.data
  children.add(child1)
  const run1 = await waitForChild(child1, deadline, 'first check()')
  const c1 = summariseChild(await waitForSpyExit(spyLog, 0, deadline, 'first check()'))
  assert(c1.pid === child1.pid, 'first check(): unexpected child process order')
  Object.assign(result.first, { child_exit_code: run1.code })
  if (c1.request) result.first.request = checkRequest('first check()', c1.request, endpointUrl, product)
  result.first.response_status = c1.response ? c1.response.status : null
  result.first.response_content_type = c1.response ? c1.response.content_type : null
  const why1 = `server answered ${c1.response ? c1.response.status + (c1.response.content_type ? ' ' + c1.response.content_type : '') : 'nothing'}; child stderr: ${brief(run1.stderr)}`
  assert(run1.code === 0, `first check(): client child exited with ${run1.code}${run1.signal ? ' (' + run1.signal + ')' : ''}; ${why1}`)
  assert(c1.requests === 1, `first check(): client sent ${c1.requests} requests, expected 1`)
  const req1 = result.first.request
  let out1
  try {
    out1 = JSON.parse(run1.stdout)
  } catch (_) {
    throw new Failure(`first check(): client child's stdout is not JSON: ${show(run1.stdout.slice(0, 200))}`)
  }
  result.first.output = out1
  assert(c1.response.status === 200, `first check(): expected HTTP 200, server answered ${c1.response.status}`)
  checkResponseShape('first check()', out1)
  checkUpdateFields('first check()', out1, args)
  assert(req1.params.check_if_update_available === 'true', `first check(): client sent check_if_update_available=${show(req1.params.check_if_update_available)}, expected "true"`)
  assert(UUID_V4.test(req1.params.client_event_id || ''), `first check(): client_event_id ${show(req1.params.client_event_id)} is not a v4 UUID`)
  assert(!req1.params.previous_client_event_id, `first check(): fresh cache, but client sent previous_client_event_id=${show(req1.params.previous_client_event_id)}`)
  assert(out1.client_event_id === req1.params.client_event_id, `first check(): server must echo client_event_id ${show(req1.params.client_event_id)}, answered ${show(out1.client_event_id)}`)

  // The cache file now holds our answer; the signature file holds the signature that was sent.
  const cacheFile = path.join(cacheDir, `${product}-${cliPathHash}`)
  assert(fs.existsSync(cacheFile), `first check(): client wrote no cache file at ${cacheFile}`)
  const cache1 = readJson(cacheFile)
  assert(cache1.version === args.version && cache1.cached_at > 0, `first check(): cache file not written by the child: ${show(cache1)}`)
  assert(JSON.stringify(cache1.output) === JSON.stringify(out1), 'first check(): cache file output differs from the child stdout')
  const signature = readJson(path.join(cacheDir, 'signature')).signature
  assert(req1.params.signature === signature, `first check(): client sent signature ${show(req1.params.signature)}, signature file has ${show(signature)}`)
  result.signature = signature
  result.first.cache_file = { version: cache1.version, current_version: cache1.output.current_version }

  // 4. Second call: fresh cache => {status:'ok', data: cached answer}; a new child (not returned by
  //    check()) pings again with check_if_update_available=false.
  const r2 = await check(input)
  result.second = { status: r2.status, data: r2.data }
  assert(r2.status === 'ok', `second check(): expected status 'ok', got ${show(r2.status)}`)
  checkUpdateFields('second check() data', r2.data, args)
  const c2 = summariseChild(await waitForSpyExit(spyLog, 1, deadline, 'second check()'))
  result.second.child_exit_code = c2.exit_code
  if (c2.request) result.second.request = checkRequest('second check()', c2.request, endpointUrl, product)
  result.second.response_status = c2.response ? c2.response.status : null
  assert(c2.exit_code === 0, `second check(): client child exited with ${c2.exit_code}; server answered ${c2.response ? c2.response.status : 'nothing'}; child stderr: ${brief(c2.stderr)}`)
  assert(c2.requests === 1, `second check(): client sent ${c2.requests} requests, expected 1`)
  assert(c2.response.status === 200, `second check(): expected HTTP 200, server answered ${c2.response.status}`)
  const req2 = result.second.request
  assert(req2.params.check_if_update_available === 'false', `second check(): client sent check_if_update_available=${show(req2.params.check_if_update_available)}, expected "false"`)
  assert(req2.params.client_event_id && req2.params.client_event_id !== req1.params.client_event_id, 'second check(): client reused the first client_event_id')
  let out2
  try {
    out2 = JSON.parse(c2.stdout)
  } catch (_) {
    throw new Failure(`second check(): client child's stdout is not JSON: ${show(c2.stdout.slice(0, 200))}`)
  }
  checkResponseShape('second check()', out2)
  assert(out2.client_event_id === req2.params.client_event_id, `second check(): server must echo client_event_id ${show(req2.params.client_event_id)}, answered ${show(out2.client_event_id)}`)

  // 5. Third call: user was just reminded => {status:'reminded'}; another false ping.
  const r3 = await check(input)
  result.third = { status: r3.status }
  assert(r3.status === 'reminded', `third check(): expected status 'reminded', got ${show(r3.status)}`)
  const c3 = summariseChild(await waitForSpyExit(spyLog, 2, deadline, 'third check()'))
  result.third.child_exit_code = c3.exit_code
  if (c3.request) result.third.request = checkRequest('third check()', c3.request, endpointUrl, product)
  assert(c3.exit_code === 0 && c3.response && c3.response.status === 200, `third check(): client child exited with ${c3.exit_code}; server answered ${c3.response ? c3.response.status : 'nothing'}; child stderr: ${brief(c3.stderr)}`)
  const req3 = result.third.request
  assert(req3.params.check_if_update_available === 'false', `third check(): client sent check_if_update_available=${show(req3.params.check_if_update_available)}, expected "false"`)

  // previous_client_event_id = client_event_id of the cached answer, i.e. the last answer to a
  // check_if_update_available=true request (false answers are not cached) = our echo of req1's id.
  // Race (PROTOCOL.md): the child reads the cache file while check() in the parent is still
  // rewriting it; a torn read sends previous_client_event_id="" instead. Allow "" per call, but
  // never a wrong id, and require at least one chained request.
  const chain = [req2, req3].map((r) => r.params.previous_client_event_id || '')
  for (const [i, v] of chain.entries()) {
    assert(v === '' || v === out1.client_event_id, `${i ? 'third' : 'second'} check(): previous_client_event_id ${show(v)} is neither the cached client_event_id ${show(out1.client_event_id)} nor empty`)
  }
  assert(chain.includes(out1.client_event_id), `previous_client_event_id was never chained: sent ${show(chain)}, expected ${show(out1.client_event_id)}`)
  result.chain = {
    first_client_event_id: req1.params.client_event_id,
    second_previous_client_event_id: chain[0],
    third_previous_client_event_id: chain[1],
    chained: chain.map((v) => v === out1.client_event_id),
  }

  result.ok = true
  finish(0)
}

main().catch((err) => finish(1, err instanceof Failure ? err.message : `unexpected error: ${err && err.stack ? err.stack : err}`))
