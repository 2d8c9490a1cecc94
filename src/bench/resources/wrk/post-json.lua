-- wrk script of the gateway benchmark: every request is the same POST of a JSON body, sent as
-- application/json. The body is read once, at start, from the file named by WRK_BODY. By hand:
--   WRK_BODY=body.json wrk -t1 -c64 -d10s --latency -s post-json.lua http://127.0.0.1:8080/gateway/bench/pay
-- At the end one line for the benchmark to read: requests, errors by kind, latency percentiles (us).

local file = assert(io.open(assert(os.getenv("WRK_BODY"), "WRK_BODY is not set"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("WRK-RESULT requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d "
      .. "p50_us=%d p90_us=%d p99_us=%d max_us=%d\n", summary.requests, summary.duration, e.connect, e.read,
      e.write, e.status, e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max))
end
