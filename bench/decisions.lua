-- wrk script: a mix of decisions (hot tuples and a tail, allows and denies) for acme's research team.
-- wrk.path, the body shape and the Authorization header come from the environment:
--   BENCH_TARGET=portolan (POST /api/v1/decisions with a bearer token) or opa (POST /v1/data/portolan/decision).
local target = os.getenv("BENCH_TARGET") or "portolan"
local token = os.getenv("BENCH_TOKEN") or ""
local models = {"gpt-4o", "gpt-4o", "gpt-4o", "claude-sonnet-4", "mistral-large-2", "llama-3.3-70b",
                "qwen-2.5-72b", "deepseek-v3", "gemini-2.5-pro", "no-such-model"}
local classes = {"internal", "internal", "confidential", "restricted", "public"}
local regions = {"eu", "eu", "uk", "us"}
local counter = 0

request = function()
  counter = counter + 1
  local model = models[(counter % #models) + 1]
  local class = classes[(counter % #classes) + 1]
  local region = regions[(counter % #regions) + 1]
  local fields = string.format('"team":"research","model":"%s","purpose":"chat","dataClassification":"%s","region":"%s"',
    model, class, region)
  if target == "opa" then
    return wrk.format("POST", "/v1/data/portolan/decision", {["Content-Type"] = "application/json"},
      '{"input":{"tenant":"acme",' .. fields .. ',"nowMs":1795600000000}}')
  end
  return wrk.format("POST", "/api/v1/decisions",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, "{" .. fields .. "}")
end

-- wrk prints p50..p99; the p99.9 is printed here for bench/decisions.sh to read.
done = function(summary, latency, requests)
  io.write(string.format("p99.9 %.2fms\n", latency:percentile(99.9) / 1000))
end
