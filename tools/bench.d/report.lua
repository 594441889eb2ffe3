-- report.lua - wrk hooks: count non-2xx answers and print one machine-readable line at the end.
-- wrk exits 0 even when every request failed, so tools/bench reads this line, not the exit code.
local bad = 0
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function response(status, headers, body)
	if status < 200 or status > 299 then
		bad = bad + 1
	end
end

function done(summary, latency, requests)
	local non2xx = 0
	for _, t in ipairs(threads) do
		non2xx = non2xx + (t:get("bad") or 0)
	end
	local errors = summary.errors.connect + summary.errors.read + summary.errors.write
		+ summary.errors.status + summary.errors.timeout
	io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
		summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, non2xx))
end
