#!/usr/bin/env node
// Drives the real, unmodified Prisma CLI through its crash report ("Submit error report?") against a
// Checkpoint server, the way a user at a terminal would. See README.md in this directory.
//
// Usage:
//   node crash-report.mjs --server http://127.0.0.1:8080 --cli 5 --project DIR [--ci] [--timeout-ms 120000]
//
// The CLI's host is fixed (https://error-reports.prisma.sh/), so this script makes a throwaway CA and a
// certificate for that host with openssl, runs a loopback CONNECT proxy that terminates TLS and forwards
// each request to --server (adding X-Forwarded-Proto and X-Forwarded-Host, as a reverse proxy does), and
// points the CLI at it with HTTPS_PROXY and NODE_EXTRA_CA_CERTS. The CLI runs under a pseudo-terminal
// (util-linux `script`) with a clean environment: no CI variable unless --ci sets CI=true. When the
// prompt appears, the script presses Enter (the prompt defaults to Yes).
//
// Result: one JSON line on stdout with ok, exit_code, report_id (the id the CLI printed, or null),
// prompted, signature (the uuid the CLI sends as `fingerprint`), requests (what went through the
// proxy), refused (connections to other hosts) and output (the terminal text without ANSI codes).
// Exit 0 when the run finished in time (whatever the CLI printed: the caller asserts), 1 otherwise.

import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const HOST = 'error-reports.prisma.sh'
const CLIS = {
  5: path.join(HERE, 'node_modules/prisma5/build/index.js'),
  7: path.join(HERE, 'node_modules/prisma7/build/index.js'),
}
const PROMPT = 'Submit error report'
const REPORT_ID = /We successfully received the error report id: (\S+)/

const args = parseArgs(process.argv.slice(2))
const result = { ok: false, exit_code: null, report_id: null, prompted: false, requests: [], refused: [], output: '' }
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prisma-crash-report-'))
let proxy = null

const deadline = setTimeout(() => finish(`not done after ${args.timeoutMs} ms`), args.timeoutMs)

try {
  const cli = CLIS[args.cli]
  if (!cli || !fs.existsSync(cli)) {
    throw new Error(`no Prisma CLI ${args.cli} at ${cli} (npm ci --prefix ${HERE})`)
  }
  const certs = makeCertificates()
  proxy = await startProxy(new URL(args.server), tls.createSecureContext({ key: certs.key, cert: certs.cert }))
  const project = path.join(tmp, 'project')
  fs.cpSync(args.project, project, { recursive: true })
  runCli(cli, project, certs.caFile, proxy.address().port)
} catch (error) {
  finish(String(error && error.stack ? error.stack : error))
}

function parseArgs(argv) {
  const parsed = { server: 'http://127.0.0.1:8080', cli: '5', project: null, ci: false, timeoutMs: 120000 }
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]
    if (key === '--ci') parsed.ci = true
    else if (key === '--server') parsed.server = argv[++i]
    else if (key === '--cli') parsed.cli = argv[++i]
    else if (key === '--project') parsed.project = argv[++i]
    else if (key === '--timeout-ms') parsed.timeoutMs = Number(argv[++i])
    else fail(`unknown argument ${key}`)
  }
  if (!parsed.project) fail('--project is required')
  return parsed
}

// A throwaway CA and a leaf certificate for HOST, both valid for one day.
function makeCertificates() {
  const file = (name) => path.join(tmp, name)
  const openssl = (...argv) => execFileSync('openssl', argv, { stdio: ['ignore', 'ignore', 'pipe'] })
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '1',
    '-subj', '/CN=Checkpoint throwaway test CA', '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign')
  openssl('req', ...ec, '-keyout', file('leaf.key'), '-out', file('leaf.csr'), '-subj', `/CN=${HOST}`)
  fs.writeFileSync(file('leaf.ext'), `subjectAltName=DNS:${HOST}\nextendedKeyUsage=serverAuth\n`)
  openssl('x509', '-req', '-in', file('leaf.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'),
    '-CAcreateserial', '-out', file('leaf.pem'), '-days', '1', '-extfile', file('leaf.ext'))
  return { caFile: file('ca.pem'), key: fs.readFileSync(file('leaf.key')), cert: fs.readFileSync(file('leaf.pem')) }
}

// A CONNECT proxy on loopback: HOST:443 is answered with our certificate and forwarded to the server
// as plain HTTP; any other host is refused (and listed, so that a test sees unexpected calls).
function startProxy(upstream, secureContext) {
  const inner = http.createServer((request, response) => forward(upstream, request, response))
  const server = http.createServer((request, response) => {
    result.refused.push(`${request.method} ${request.url}`)
    response.writeHead(403).end()
  })
  server.on('connect', (request, socket) => {
    socket.on('error', () => socket.destroy())
    if (request.url !== `${HOST}:443`) {
      result.refused.push(`CONNECT ${request.url}`)
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    const secure = new tls.TLSSocket(socket, { isServer: true, secureContext })
    secure.on('error', () => socket.destroy())
    inner.emit('connection', secure)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

function forward(upstream, request, response) {
  const seen = { method: request.method, path: request.url, bytes: 0, status: null, body: '' }
  result.requests.push(seen)
  const headers = { ...request.headers, 'x-forwarded-proto': 'https', 'x-forwarded-host': request.headers.host }
  const prefix = upstream.pathname.replace(/\/$/, '')
  const outgoing = http.request({ hostname: upstream.hostname, port: upstream.port, method: request.method,
    path: prefix + request.url, headers }, (answer) => {
    seen.status = answer.statusCode
    const chunks = []
    answer.on('data', (chunk) => chunks.push(chunk))
    answer.on('end', () => { seen.body = Buffer.concat(chunks).toString('utf8').slice(0, 2000) })
    response.writeHead(answer.statusCode, answer.headers)
    answer.pipe(response)
  })
  outgoing.on('error', (error) => {
    seen.status = 502
    response.writeHead(502).end(String(error))
  })
  request.on('data', (chunk) => { seen.bytes += chunk.length })
  request.pipe(outgoing)
}

function runCli(cli, project, caFile, proxyPort) {
  const engine = path.join(tmp, 'engine.sh')
  fs.writeFileSync(engine, '#!/bin/sh\necho "schema-engine-cli 0.0.0-dummy"\n', { mode: 0o755 })
  const home = path.join(tmp, 'home')
  fs.mkdirSync(home)
  // A clean environment: nothing from the caller's, so no CI variable slips through.
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TERM: 'xterm',
    LANG: 'C.UTF-8',
    HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`,
    NODE_EXTRA_CA_CERTS: caFile,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    FORCE_PANIC_PRISMA_SCHEMA: '1',
    PRISMA_SCHEMA_ENGINE_BINARY: engine,
    PRISMA_QUERY_ENGINE_LIBRARY: engine,
  }
  if (args.ci) env.CI = 'true'
  const command = [process.execPath, cli, 'format', '--schema', 'prisma/schema.prisma'].map(quote).join(' ')
  const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: project, env, stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  const read = (chunk) => {
    output += chunk.toString('utf8')
    if (!result.prompted && plain(output).includes(PROMPT)) {
      result.prompted = true
      setTimeout(() => child.stdin.write('\r'), 500)
    }
  }
  child.stdout.on('data', read)
  child.stderr.on('data', read)
  child.on('error', (error) => finish(`cannot start script(1): ${error}`))
  child.on('exit', (code) => {
    result.exit_code = code
    result.output = plain(output)
    const id = REPORT_ID.exec(result.output)
    result.report_id = id ? id[1] : null
    result.signature = readSignature(home)
    result.ok = true
    finish(null)
  })
}

// The uuid the CLI keeps for checkpoint-client and sends as `fingerprint`, if it made one.
function readSignature(home) {
  const file = path.join(home, '.cache', 'checkpoint-nodejs', 'signature')
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).signature || null
  } catch {
    return null
  }
}

function quote(text) {
  return `'${String(text).replaceAll("'", "'\\''")}'`
}

function plain(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b[()][0-9A-Za-z]/g, '').replace(/\r/g, '')
}

function fail(message) {
  process.stderr.write(`FAIL ${message}\n`)
  process.exit(1)
}

function finish(error) {
  clearTimeout(deadline)
  if (error) {
    result.ok = false
    result.error = error
  }
  if (proxy) proxy.close()
  if (proxy && proxy.closeAllConnections) proxy.closeAllConnections()
  fs.rmSync(tmp, { recursive: true, force: true })
  process.stdout.write(JSON.stringify(result) + '\n')
  process.exit(result.ok ? 0 : 1)
}
