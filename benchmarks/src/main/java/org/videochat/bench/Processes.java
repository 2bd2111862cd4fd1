package org.videochat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stack's processes as the operating system sees them (Linux /proc): CPU time, resident
 * memory, and the application server's heap through jcmd. Each part is a process tree.
 */
final class Processes {

    private static final long TICKS_PER_SECOND = 100;

    private Processes() {}

    /** part name → root pid, from the pid files the run command writes and Payara's command line. */
    static Map<String, Long> stack(String home) throws IOException {
        Map<String, Long> roots = new LinkedHashMap<>();
        Map<String, Path> pidFiles = Map.of(
                "postgresql",
                Path.of(home, "pgdata", "postmaster.pid"),
                "artemis",
                Path.of(home, "run", "artemis.pid"),
                "debezium-server",
                Path.of(home, "run", "debezium.pid"));
        for (String part : List.of("postgresql", "artemis", "debezium-server")) {
            Path file = pidFiles.get(part);
            if (Files.exists(file)) {
                roots.put(part, Long.parseLong(Files.readAllLines(file).get(0).trim()));
            }
        }
        for (long pid : pids()) {
            String cmd = cmdline(pid);
            if (cmd.contains(home) && cmd.contains("com.sun.enterprise.glassfish.bootstrap.ASMain")) {
                roots.put("payara-server", pid);
            }
        }
        return roots;
    }

    /** CPU seconds used so far by {@code root} and its descendants. */
    static double cpuSeconds(long root) throws IOException {
        double ticks = 0;
        for (long pid : tree(root)) {
            String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
            if (stat == null) {
                continue;
            }
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** Resident memory of {@code root} and its descendants, in MiB. */
    static double rssMiB(long root) throws IOException {
        long kb = 0;
        for (long pid : tree(root)) {
            String status = read(Path.of("/proc", Long.toString(pid), "status"));
            if (status == null) {
                continue;
            }
            for (String line : status.split("\n")) {
                if (line.startsWith("VmRSS:")) {
                    kb += Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return kb / 1024.0;
    }

    /** Heap in use after a full collection (what the live objects need), in MiB, via jcmd. */
    static double heapAfterGcMiB(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, Long.toString(pid), "GC.run");
        String info = run(jcmd, Long.toString(pid), "GC.heap_info");
        // G1: " garbage-first heap   total reserved 1048576K, committed 262144K, used 123456K"
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static List<Long> tree(long root) throws IOException {
        Map<Long, List<Long>> children = new LinkedHashMap<>();
        for (long pid : pids()) {
            String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
            if (stat != null) {
                long parent =
                        Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(pid);
            }
        }
        List<Long> all = new ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(children.getOrDefault(all.get(i), List.of()));
        }
        return all;
    }

    private static List<Long> pids() throws IOException {
        try (var dir = Files.list(Path.of("/proc"))) {
            return dir.map(p -> p.getFileName().toString())
                    .filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .toList();
        }
    }

    private static String cmdline(long pid) {
        String s = read(Path.of("/proc", Long.toString(pid), "cmdline"));
        return s == null ? "" : s.replace('\0', ' ');
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
