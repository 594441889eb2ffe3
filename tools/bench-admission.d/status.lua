-- status.lua - wrk hooks for tools/bench-admission: answers counted by status, p99, one line at the end.
-- BENCH_METHOD/BENCH_BODY/BENCH_ORIGIN (environment) make the requests POSTs (the sign-in hammer).
counts = {}	-- global: done() reads it from each thread with thread:get
local threads = {}

wrk.method = os.getenv("BENCH_METHOD") or "GET"
if os.getenv("BENCH_BODY") then
	wrk.body = os.getenv("BENCH_BODY")
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
if os.getenv("BENCH_ORIGIN") then
	wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")
end

function setup(thread)
	table.insert(threads, thread)
end

function response(status, headers, body)
	counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
	local all = {}
	for _, t in ipairs(threads) do
		local c = t:get("counts") or {}
		for k, v in pairs(c) do
			all[k] = (all[k] or 0) + v
		end
	end
	local keys = {}
	for k in pairs(all) do
		table.insert(keys, k)
	end
	table.sort(keys)
	local parts = {}
	for _, k in ipairs(keys) do
		table.insert(parts, string.format("%d:%d", k, all[k]))
	end
	local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
	io.write(string.format("BENCH requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d status=%s\n",
		summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, latency.max / 1000, errors, table.concat(parts, ",")))
end
