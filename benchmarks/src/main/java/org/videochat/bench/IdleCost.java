package org.videochat.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** CPU each part of the stack uses at rest, as a percentage of one core. */
final class IdleCost {

    private IdleCost() {}

    static Map<String, Object> measure(String home, double seconds) throws Exception {
        Map<String, Long> parts = Processes.stack(home);
        Map<String, Double> before = new LinkedHashMap<>();
        for (var p : parts.entrySet()) {
            before.put(p.getKey(), Processes.cpuSeconds(p.getValue()));
        }
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        double total = 0;
        for (var p : parts.entrySet()) {
            double percent = (Processes.cpuSeconds(p.getValue()) - before.get(p.getKey())) / elapsed * 100;
            total += percent;
            result.put(p.getKey() + "_percent_of_one_core", Math.round(percent * 100) / 100.0);
        }
        result.put("total_percent_of_one_core", Math.round(total * 100) / 100.0);
        result.put("seconds", Math.round(elapsed));
        return result;
    }
}
