'use strict'
// Observer preloaded (via NODE_OPTIONS=--require) into the checkpoint-client's child process by
// prisma-compat.mjs. It does NOT change the client or its request: it subscribes to Node's built-in
// `diagnostics_channel` HTTP client events, tees (passes through) the child's stdout/stderr writes,
// listens for the process 'exit' event, and appends one JSON line per event to the file named by
// CHECKPOINT_COMPAT_SPY_LOG. This is how the test sees the requests of the child processes that
// check() spawns but does not return (second and later calls).
//   {"pid":..,"event":"request","method":"GET","protocol":"http:","host":"..","path":"/v1/check/p?..","headers":{..}}
//   {"pid":..,"event":"response","status":200,"content_type":"application/json"}
//   {"pid":..,"event":"stdout","text":"..."}   (also "stderr"; the write itself is passed through)
//   {"pid":..,"event":"exit","code":0}
// Without CHECKPOINT_COMPAT_SPY_LOG it does nothing.
const logFile = process.env.CHECKPOINT_COMPAT_SPY_LOG
if (logFile) {
  const fs = require('fs')
  const dc = require('diagnostics_channel')
  const write = (event) => {
    try {
      fs.appendFileSync(logFile, JSON.stringify({ pid: process.pid, ...event }) + '\n')
    } catch (_) {
      // observation must never break the client
    }
  }
  dc.subscribe('http.client.request.start', ({ request }) => {
    write({
      event: 'request',
      method: request.method,
      protocol: request.protocol,
      host: request.host,
      path: request.path,
      headers: {
        'user-agent': String(request.getHeader('user-agent') || ''),
        accept: String(request.getHeader('accept') || ''),
      },
    })
  })
  dc.subscribe('http.client.response.finish', ({ response }) => {
    write({ event: 'response', status: response.statusCode, content_type: response.headers['content-type'] || '' })
  })
  for (const name of ['stdout', 'stderr']) {
    const stream = process[name]
    const original = stream.write
    stream.write = function (chunk, ...rest) {
      write({ event: name, text: String(chunk).slice(0, 65536) })
      return original.call(this, chunk, ...rest)
    }
  }
  process.on('exit', (code) => write({ event: 'exit', code }))
}
