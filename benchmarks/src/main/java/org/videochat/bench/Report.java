package org.videochat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the figures as JSON (for tools) and Markdown (for docs/benchmarks.md), and prints them. */
final class Report {

    private Report() {}

    static void write(Path dir, String label, Map<String, Object> results) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results-" + label + ".json"), json(results, "") + "\n");
        String md = markdown(results);
        Files.writeString(dir.resolve("results-" + label + ".md"), md);
        System.out.println(md);
        System.out.println("[bench] written to " + dir.resolve("results-" + label + ".json") + " and .md");
    }

    static String json(Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{\n");
            int i = 0;
            for (var e : map.entrySet()) {
                b.append(indent)
                        .append("  \"")
                        .append(e.getKey())
                        .append("\": ")
                        .append(json(e.getValue(), indent + "  "));
                b.append(++i < map.size() ? ",\n" : "\n");
            }
            return b.append(indent).append("}").toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[\n");
            for (int i = 0; i < list.size(); i++) {
                b.append(indent)
                        .append("  ")
                        .append(json(list.get(i), indent + "  "))
                        .append(i + 1 < list.size() ? ",\n" : "\n");
            }
            return b.append(indent).append("]").toString();
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean || value == null) {
            return String.valueOf(value);
        }
        return jakarta.json.Json.createValue(value.toString()).toString();
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder();
        md.append("## Run: ")
                .append(results.get("label"))
                .append(" (")
                .append(results.get("mode"))
                .append(", ")
                .append(results.get("started"))
                .append(")\n\n")
                .append(results.get("machine"))
                .append("\n\n");
        if (results.get("idle") instanceof Map<?, ?> idle) {
            md.append("### Idle CPU (% of one core)\n\n| part | % |\n|---|---|\n");
            idle.forEach(
                    (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append('\n');
        }
        if (results.get("latency") instanceof List<?> runs) {
            md.append("### Signal latency (command sent → event on the recipient's stream)\n\n")
                    .append(
                            "| path | rate/s | sent | received | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|\n");
            for (Object o : runs) {
                Map<String, Object> r = (Map<String, Object>) o;
                md.append("| ")
                        .append(r.get("path"))
                        .append(" | ")
                        .append(r.get("target_per_s"))
                        .append(" | ")
                        .append(r.get("sent"))
                        .append(" | ")
                        .append(r.get("received"))
                        .append(" | ")
                        .append(r.get("p50_ms"))
                        .append(" | ")
                        .append(r.get("p95_ms"))
                        .append(" | ")
                        .append(r.get("p99_ms"))
                        .append(" | ")
                        .append(r.get("max_ms"))
                        .append(" |\n");
            }
            md.append(
                    "\n#### CDC path by stage (p50 / p95 / p99 ms)\n\n| rate/s | request → commit | commit → JMS publish | publish → projection | projection → SSE arrival |\n|---|---|---|---|---|\n");
            for (Object o : runs) {
                Map<String, Object> r = (Map<String, Object>) o;
                if (r.get("stages") instanceof Map<?, ?> stages) {
                    md.append("| ").append(r.get("target_per_s"));
                    stages.values().forEach(v -> {
                        Map<String, Object> s = (Map<String, Object>) v;
                        md.append(" | ")
                                .append(s.get("p50_ms"))
                                .append(" / ")
                                .append(s.get("p95_ms"))
                                .append(" / ")
                                .append(s.get("p99_ms"));
                    });
                    md.append(" |\n");
                }
            }
            md.append('\n');
        }
        if (results.get("cdc_vs_direct_p50") instanceof Map<?, ?> ratio) {
            md.append("### CDC path ÷ direct relay, at p50\n\n| rate/s | ratio |\n|---|---|\n");
            ratio.forEach(
                    (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append('\n');
        }
        if (results.get("throughput") instanceof Map<?, ?> t) {
            md.append(
                    "### Throughput (p99 < 250 ms, nothing lost)\n\n| step | target/s | achieved/s | p50 ms | p99 ms | received/sent |\n|---|---|---|---|---|---|\n");
            for (Object o : (List<?>) t.get("steps")) {
                Map<String, Object> r = (Map<String, Object>) o;
                md.append("| ")
                        .append(r.get("path"))
                        .append(" | ")
                        .append(r.get("target_per_s"))
                        .append(" | ")
                        .append(r.get("achieved_per_s"))
                        .append(" | ")
                        .append(r.get("p50_ms"))
                        .append(" | ")
                        .append(r.get("p99_ms"))
                        .append(" | ")
                        .append(r.get("received"))
                        .append("/")
                        .append(r.get("sent"))
                        .append(" |\n");
            }
            md.append("\nHighest sustained: **")
                    .append(t.get("sustained_signals_per_s"))
                    .append(" signals/s** through the CDC path; the direct relay alone: ")
                    .append(t.get("direct_relay_sustained_per_s"))
                    .append("/s\n\n");
        }
        if (results.get("call_setups") instanceof Map<?, ?> c) {
            md.append("### Call set-ups (place, ringing, accept, 3+3 candidate batches, hang-up)\n\n")
                    .append(
                            "| target/s | achieved/s | completed | set-up p50 / p99 ms | signal p50 / p99 ms |\n|---|---|---|---|---|\n");
            for (Object o : (List<?>) c.get("steps")) {
                Map<String, Object> r = (Map<String, Object>) o;
                Map<String, Object> s = (Map<String, Object>) r.get("setup");
                Map<String, Object> g = (Map<String, Object>) r.get("signal");
                md.append("| ")
                        .append(r.get("target_setups_per_s"))
                        .append(" | ")
                        .append(r.get("achieved_setups_per_s"))
                        .append(" | ")
                        .append(r.get("completed"))
                        .append("/")
                        .append(r.get("started"))
                        .append(" | ")
                        .append(s.get("p50_ms"))
                        .append(" / ")
                        .append(s.get("p99_ms"))
                        .append(" | ")
                        .append(g.get("p50_ms"))
                        .append(" / ")
                        .append(g.get("p99_ms"))
                        .append(" |\n");
            }
            md.append("\nHighest sustained: **")
                    .append(c.get("sustained_setups_per_s"))
                    .append(" call set-ups/s**\n\n");
        }
        if (results.get("streams") instanceof List<?> levels) {
            md.append(
                    "### Open event streams on one node\n\n| streams | people | opened in s | online events settled in s | heap after GC MiB | RSS MiB | presence reached | fan-out p50 / p99 / max ms |\n|---|---|---|---|---|---|---|---|\n");
            for (Object o : levels) {
                Map<String, Object> r = (Map<String, Object>) o;
                Map<String, Object> f = (Map<String, Object>) r.get("presence_fan_out");
                md.append("| ")
                        .append(r.get("streams"))
                        .append(" | ")
                        .append(r.get("people"))
                        .append(" | ")
                        .append(r.get("open_seconds"))
                        .append(" | ")
                        .append(r.get("online_announcements_settled_seconds"))
                        .append(" | ")
                        .append(r.get("app_server_heap_after_gc_mib"))
                        .append(" | ")
                        .append(r.get("app_server_rss_mib"))
                        .append(" | ")
                        .append(r.get("presence_reached"))
                        .append(" | ")
                        .append(f.get("p50_ms"))
                        .append(" / ")
                        .append(f.get("p99_ms"))
                        .append(" / ")
                        .append(f.get("max_ms"))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (results.get("stalled_streams") instanceof List<?> levels) {
            md.append("### Healthy signals while one person's streams do not read (50 signals/s, CDC path)\n\n")
                    .append(
                            "| stalled streams | closed by the server | sent | received | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|\n");
            for (Object o : levels) {
                Map<String, Object> r = (Map<String, Object>) o;
                md.append("| ")
                        .append(r.get("stalled_streams"))
                        .append(" | ")
                        .append(r.get("stalled_streams_closed_by_server"))
                        .append(" | ")
                        .append(r.get("sent"))
                        .append(" | ")
                        .append(r.get("received"))
                        .append(" | ")
                        .append(r.get("p50_ms"))
                        .append(" | ")
                        .append(r.get("p95_ms"))
                        .append(" | ")
                        .append(r.get("p99_ms"))
                        .append(" | ")
                        .append(r.get("max_ms"))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (results.get("database_outage") instanceof Map<?, ?> o) {
            md.append(
                    "### PostgreSQL killed under 50 signals/s, back after the outage\n\n| measure | value |\n|---|---|\n");
            o.forEach(
                    (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append('\n');
        }
        if (results.get("browser") instanceof Map<?, ?> b) {
            md.append(
                    "### Browser call set-up (two headless Chromium, fake cameras)\n\n| measure | p50 ms | max ms |\n|---|---|---|\n");
            for (String k : List.of("accept_to_both_connected", "accept_to_first_remote_frame_on_both")) {
                Map<String, Object> s = (Map<String, Object>) b.get(k);
                md.append("| ")
                        .append(k)
                        .append(" | ")
                        .append(s.get("p50_ms"))
                        .append(" | ")
                        .append(s.get("max_ms"))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (results.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            md.append("### Errors\n\n");
            errors.forEach(e -> md.append("- ").append(e).append('\n'));
        }
        return md.toString();
    }
}
