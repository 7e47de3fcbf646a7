-- wrk script for bench/ingest.sh: varied, realistic check pings.
--
--   wrk -t2 -c64 -d33s -s bench/check.lua http://127.0.0.1:PORT -- PREFIX METHOD RUN WINDOW RATE THREADS
--
--   PREFIX  route prefix: /v1/check (durable), /bench/noop/check, /bench/naive/check
--   METHOD  GET (query string) or POST (JSON body)
--   RUN     a tag making every client_event_id of this run unique (a ping repeating the
--           client_event_id its folded row holds would not count again)
--   WINDOW  seconds during which requests are sent; afterwards every connection stops
--           sending, so the requests in flight are answered before wrk stops (run wrk
--           for WINDOW + a grace period): the 2xx count then equals the rows stored
--   RATE    requests per second over all threads (fixed-rate run), 0 for as fast as possible
--   THREADS wrk's -t, to split RATE between the threads
--
-- Pacing: delay() gives each thread a schedule of one request every THREADS/RATE seconds;
-- a connection that is free waits for the next slot. Like wrk and hey, latency is timed
-- from the moment a request is sent, so a slow server lowers the achieved rate (printed)
-- instead of inflating the latency (no coordinated-omission correction).
--
-- The mix: 60% Prisma-like checks (every v4 parameter, a unique client_event_id, one of
-- 60,000 signatures, several versions/os/arch/node versions, CI true or false) and 40%
-- go-checkpoint-like checks (arch, os, signature, version; one of 40,000 other
-- signatures, 5% without one): 100,000 signatures in all, from 20,000 client addresses.
-- done() prints one machine-readable "BENCH" line for the shell script.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local prefix, method, run, window_ms, interval_ms
local deadline, next_slot

function init(args)
  prefix = args[1] or "/v1/check"
  method = args[2] or "GET"
  run = args[3] or "run"
  window_ms = (tonumber(args[4]) or 30) * 1000
  local rate = tonumber(args[5]) or 0
  local nthreads = tonumber(args[6]) or 1
  interval_ms = (rate > 0) and (1000 * nthreads / rate) or 0
  math.randomseed(tid * 7919 + os.time())
end

-- Paces the requests (fixed rate) and stops sending once the window is over.
function delay()
  local now = now_ms()
  if deadline == nil then
    deadline = now + window_ms
    next_slot = now
  end
  if now >= deadline then
    return 3600000
  end
  if interval_ms == 0 then
    return 0
  end
  next_slot = math.max(next_slot + interval_ms, now)
  return math.floor(next_slot - now)
end

local function pick(list)
  return list[math.random(#list)]
end

-- a stable uuid-looking signature for index i (8-4-4-4-12 hex, version nibble 4)
local function uuid_for(i, salt)
  local a = (i * 2654435761 + salt) % 4294967296
  local b = (i * 40503 + salt * 7) % 65536
  local c = (i * 9973) % 4096
  local d = (i * 31337 + salt) % 4096
  local e = (i * 2246822519 + salt * 13) % 4294967296
  return string.format("%08x-%04x-4%03x-a%03x-%04x%08x", a, b, c, d, i % 65536, e)
end

local function random_uuid()
  return string.format("%08x-%04x-4%03x-b%03x-%04x%08x", math.random(0, 4294967295), math.random(0, 65535),
    math.random(0, 4095), math.random(0, 4095), math.random(0, 65535), math.random(0, 4294967295))
end

local function hex8()
  return string.format("%08x", math.random(0, 4294967295))
end

local prisma_versions = { "6.1.0", "6.0.1", "5.22.0", "5.21.1", "5.20.0", "5.14.0", "4.16.2", "6.2.0-dev.12" }
local node_versions = { "v18.20.4", "v20.11.1", "v20.18.0", "v22.12.0" }
local prisma_platforms = { { "linux", "x64" }, { "linux", "x64" }, { "darwin", "arm64" }, { "darwin", "x64" },
  { "win32", "x64" }, { "linux", "arm64" } }
local commands = { "generate", "migrate dev", "migrate deploy", "db push", "studio", "format", "validate",
  "migrate dev --name init --create-only" }
local providers = { "postgresql", "mysql", "sqlite", "mongodb", "sqlserver" }
local go_products = { "terraform", "terraform", "terraform", "consul", "nomad", "vault", "packer" }
local go_versions = { "1.10.3", "1.10.2", "1.9.8", "1.9.0", "1.8.5", "1.5.7", "0.12.16", "1.6.0-beta1" }
local go_platforms = { { "linux", "amd64" }, { "linux", "amd64" }, { "darwin", "arm64" }, { "windows", "amd64" },
  { "linux", "arm64" }, { "freebsd", "amd64" } }

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(ch)
    return string.format("%%%02X", string.byte(ch))
  end))
end

-- the client address of developer i, sent as X-Forwarded-For (the benchmark profile trusts
-- it): 20,000 addresses with 5 developers each, so the per-address rate limits and the
-- signature cap run as in production without refusing any of the load
local function address_for(i)
  local n = i % 20000
  return string.format("10.%d.%d.%d", math.floor(n / 65536), math.floor(n / 256) % 256, n % 256)
end

local function prisma_ping()
  counter = counter + 1
  local developer = math.random(0, 59999)
  local platform = pick(prisma_platforms)
  local ci = math.random() < 0.25
  return "prisma", {
    version = pick(prisma_versions),
    os = platform[1],
    arch = platform[2],
    node_version = pick(node_versions),
    signature = uuid_for(developer, 1),
    client_event_id = string.format("%s-%d-%d", run, tid, counter),
    previous_client_event_id = (math.random() < 0.7) and random_uuid() or "",
    project_hash = hex8(),
    cli_path_hash = hex8(),
    command = pick(commands),
    ci = ci and "true" or "false",
    ci_name = ci and "GitHub Actions" or "",
    cli_install_type = (math.random() < 0.8) and "local" or "global",
    schema_providers = pick(providers),
    schema_preview_features = (math.random() < 0.3) and "driverAdapters" or "",
    schema_generators_providers = "prisma-client-js",
    checkpoint_version = "1.2.0",
    local_timestamp = "2025-01-15T10:00:00Z",
    information = "",
    check_if_update_available = (math.random() < 0.5) and "true" or "false",
  }, "prisma/checkpoint-client", address_for(developer)
end

local function go_ping()
  local platform = pick(go_platforms)
  local developer = math.random(60000, 99999)
  local signature = (math.random() < 0.05) and "" or uuid_for(developer, 2)
  return pick(go_products), {
    arch = platform[2],
    os = platform[1],
    signature = signature,
    version = pick(go_versions),
  }, "HashiCorp/go-checkpoint", address_for(developer)
end

local prisma_keys = { "checkpoint_version", "local_timestamp", "information", "schema_providers",
  "schema_preview_features", "schema_generators_providers", "command", "client_event_id", "signature",
  "project_hash", "cli_path_hash", "arch", "os", "node_version", "version", "ci", "ci_name",
  "cli_install_type", "previous_client_event_id", "check_if_update_available" }
local go_keys = { "arch", "os", "signature", "version" }

local json_fields = { "version", "arch", "os", "node_version", "signature" }

function request()
  local product, p, agent, address, keys
  if math.random() < 0.6 then
    product, p, agent, address = prisma_ping()
    keys = prisma_keys
  else
    product, p, agent, address = go_ping()
    keys = go_keys
  end
  if method == "POST" then
    local parts = {}
    for _, k in ipairs(json_fields) do
      if p[k] ~= nil then
        parts[#parts + 1] = string.format('"%s":"%s"', k, p[k])
      end
    end
    parts[#parts + 1] = '"timestamp":"2025-01-15T10:00:00Z"'
    return wrk.format("POST", prefix .. "/" .. product,
      { ["Content-Type"] = "application/json", ["User-Agent"] = agent, ["X-Forwarded-For"] = address }, "{" .. table.concat(parts, ",") .. "}")
  end
  local query = {}
  for _, k in ipairs(keys) do
    query[#query + 1] = k .. "=" .. enc(p[k])
  end
  return wrk.format("GET", prefix .. "/" .. product .. "?" .. table.concat(query, "&"),
    { ["User-Agent"] = agent, ["X-Forwarded-For"] = address })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d status_errors=%d connect=%d read=%d write=%d timeout=%d " ..
    "p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
