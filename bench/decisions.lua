-- wrk script: a mix of decisions (hot tuples and a tail, allows and denies).
-- wrk.path, the body shape and the Authorization header come from the environment:
--   BENCH_TARGET=portolan (POST /api/v1/decisions with a bearer token) or opa (POST /v1/data/portolan/decision).
-- Two mixes:
--   default: acme's research team, one token in BENCH_TOKEN.
--   BENCH_TUPLES=<file>: lines "hot|tail tenant team model purpose classification region", written by
--     bench/decisions.sh from the published data; BENCH_TOKENS="tenant=token tenant=token ...".
--     Every other request is a hot tuple, the rest walk the tail.
local target = os.getenv("BENCH_TARGET") or "portolan"
local tuples = os.getenv("BENCH_TUPLES")
local counter = 0

local function build(tenant, token, team, model, purpose, class, region)
  local fields = string.format('"team":"%s","model":"%s","purpose":"%s","dataClassification":"%s","region":"%s"',
    team, model, purpose, class, region)
  if target == "opa" then
    return wrk.format("POST", "/v1/data/portolan/decision", {["Content-Type"] = "application/json"},
      '{"input":{"tenant":"' .. tenant .. '",' .. fields .. ',"nowMs":1795600000000}}')
  end
  return wrk.format("POST", "/api/v1/decisions",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, "{" .. fields .. "}")
end

if tuples then
  local hot, tail = {}, {}
  -- Requests are formatted once, in init: wrk knows the Host header only from then on.
  init = function(args)
    local tokens = {}
    for tenant, token in string.gmatch(os.getenv("BENCH_TOKENS") or "", "(%S+)=(%S+)") do tokens[tenant] = token end
    for line in io.lines(tuples) do
      local kind, tenant, team, model, purpose, class, region =
        string.match(line, "^(%S+) (%S+) (%S+) (%S+) (%S+) (%S+) (%S+)$")
      local list = (kind == "hot") and hot or tail
      list[#list + 1] = build(tenant, tokens[tenant] or "", team, model, purpose, class, region)
    end
    if #tail == 0 then tail = hot end
  end

  request = function()
    counter = counter + 1
    if counter % 2 == 0 then
      return hot[(counter / 2) % #hot + 1]
    end
    -- a stride walk: visits the whole tail in a scattered order
    return tail[(counter * 7919) % #tail + 1]
  end
else
  local token = os.getenv("BENCH_TOKEN") or ""
  local models = {"gpt-4o", "gpt-4o", "gpt-4o", "claude-sonnet-4", "mistral-large-2", "llama-3.3-70b",
                  "qwen-2.5-72b", "deepseek-v3", "gemini-2.5-pro", "no-such-model"}
  local classes = {"internal", "internal", "confidential", "restricted", "public"}
  local regions = {"eu", "eu", "uk", "us"}

  request = function()
    counter = counter + 1
    return build("acme", token, "research", models[(counter % #models) + 1], "chat",
      classes[(counter % #classes) + 1], regions[(counter % #regions) + 1])
  end
end

-- BENCH_DELAY_MS paces each connection: it waits that long on average before sending its next
-- request, for latency at a load below the maximum. The waits are drawn at random (exponentially,
-- capped at ten times the mean), so the connections send independently of each other, as separate
-- gateways would, and do not fall into step and arrive in bursts of one per connection.
local pace = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pace then
  -- Each wrk thread has its own Lua state: seed each differently (a table's address differs).
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003))
  delay = function()
    local wait = math.min(-pace * math.log(1 - math.random()), 10 * pace)
    local whole = math.floor(wait)
    -- wrk takes whole milliseconds: round the fraction at random, so the mean holds.
    return whole + ((math.random() < wait - whole) and 1 or 0)
  end
end

-- wrk prints p50..p99; the p99.9 is printed here for bench/decisions.sh to read.
done = function(summary, latency, requests)
  io.write(string.format("p99.9 %.2fms\n", latency:percentile(99.9) / 1000))
end
