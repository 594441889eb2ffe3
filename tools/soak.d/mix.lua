-- mix.lua - wrk hooks for tools/soak: each request takes the next page of a mix; answers counted by status,
-- and 503s that admission control gave (Retry-After: 2, "busy") apart from other 503s.
counts = {}	-- globals: done() reads them from each thread with thread:get
busy = 0
local threads = {}
local pages = { "/", "/members", "/members/chungnam", "/people", "/news", "/committees", "/stats",
	"/about", "/stats.csv", "/news.atom", "/committees.ics", "/search?q=%EC%82%B0%EC%97%85" }
local i = 0

function setup(thread)
	table.insert(threads, thread)
end

function request()
	i = i + 1
	return wrk.format("GET", pages[(i % #pages) + 1])
end

function response(status, headers, body)
	counts[status] = (counts[status] or 0) + 1
	if status == 503 and headers["Retry-After"] == "2" then
		busy = busy + 1
	end
end

function done(summary, latency, requests)
	local all, nbusy = {}, 0
	for _, t in ipairs(threads) do
		for k, v in pairs(t:get("counts") or {}) do
			all[k] = (all[k] or 0) + v
		end
		nbusy = nbusy + (t:get("busy") or 0)
	end
	local keys, parts = {}, {}
	for k in pairs(all) do table.insert(keys, k) end
	table.sort(keys)
	for _, k in ipairs(keys) do table.insert(parts, string.format("%d:%d", k, all[k])) end
	local e = summary.errors
	io.write(string.format("SOAK requests=%d rps=%.1f p99_ms=%.2f socket_errors=%d busy_503=%d status=%s\n",
		summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
		e.connect + e.read + e.write + e.timeout, nbusy, table.concat(parts, ",")))
end
