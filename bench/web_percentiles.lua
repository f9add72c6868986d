-- wrk reports p50/p75/p90/p99 only; the web benchmark's target is a p95.
done = function(summary, latency, requests)
  io.write(string.format("percentiles %.2f %.2f %.2f\n", latency:percentile(50) / 1000,
                         latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
