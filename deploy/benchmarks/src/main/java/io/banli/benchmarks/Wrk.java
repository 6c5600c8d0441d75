package io.banli.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, the C load generator, for a closed-loop step: it spends a fraction of the CPU this JVM's HTTP client does, so
 * on two shared cores it leaves the service more of the machine (the issue measured its first figures with it). Each
 * request is the next of a list (a Lua script), each with its own bearer token and JSON body if any; each of the two
 * threads starts half the list away from the other, so that a list longer than a step sends no request twice.
 * Skipped (null) when wrk is not on the PATH.
 */
final class Wrk {

    /** One request: its method, a path on the base URL, the bearer token to send and a JSON body (null: none). */
    record Call(String method, String path, String token, String body) {

        static Call get(String path, String token) {
            return new Call("GET", path, token, null);
        }

        /** One line of the script's list, the body (if any) last: a body must be JSON written on one line. */
        String line() {
            if (body != null && body.contains("\n")) {
                throw new IllegalArgumentException("A body on more than one line: " + body);
            }
            return method + " " + path + " " + token + (body == null ? "" : " " + body);
        }
    }

    private static final String SCRIPT = """
            local threads = 0
            function setup(thread)
                thread:set("half", threads)
                threads = threads + 1
            end
            local requests = {}
            local position = 1
            function init(args)
                for line in io.lines(args[1]) do
                    local method, path, token, body = line:match("^(%S+) (%S+) (%S+) ?(.*)$")
                    local headers = { ["Authorization"] = "Bearer " .. token }
                    if body == "" then
                        body = nil
                    else
                        headers["Content-Type"] = "application/json"
                    end
                    requests[#requests + 1] = wrk.format(method, path, headers, body)
                end
                position = (half * math.floor(#requests / 2)) % #requests
            end
            function request()
                position = position % #requests + 1
                return requests[position]
            end
            """;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NOT_OK = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), "
            + "timeout (\\d+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+(\\S+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+(\\S+)");
    /** The latency line's columns: average, deviation, maximum. */
    private static final Pattern MAX = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+(\\S+)");
    private static final Pattern DURATION = Pattern.compile("([0-9.]+)(us|ms|s|m)");

    private Wrk() {
    }

    /** {@code connections} connections on two threads for {@code duration}; null without wrk. */
    static LoadGenerator.Result closed(String baseUrl, List<Call> calls, int connections, Duration duration)
            throws Exception {
        String wrk = Commands.onPath("wrk");
        if (wrk == null) {
            return null;
        }
        Path dir = Files.createTempDirectory("wrk");
        try {
            Path script = Files.writeString(dir.resolve("calls.lua"), SCRIPT);
            Path list = Files.write(dir.resolve("calls.txt"), calls.stream().map(Call::line).toList());
            String out = Commands.output(List.of(wrk, "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                    "--latency", "-s", script.toString(), baseUrl, "--", list.toString()));
            int total = Integer.parseInt(find(TOTAL, out));
            Matcher notOk = NOT_OK.matcher(out);
            int failed = notOk.find() ? Integer.parseInt(notOk.group(1)) : 0;
            Matcher errors = ERRORS.matcher(out);
            if (errors.find()) {
                for (int g = 1; g <= 4; g++) {
                    failed += Integer.parseInt(errors.group(g));
                }
            }
            return new LoadGenerator.Result(connections, Double.parseDouble(find(RATE, out)), millis(find(P50, out)),
                    millis(find(P99, out)), millis(find(MAX, out)), total - failed, failed);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** wrk prints durations as 812.00us, 4.10ms or 1.02s. */
    static double millis(String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a wrk duration: " + value);
        }
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> n / 1000;
            case "ms" -> n;
            case "s" -> n * 1000;
            default -> n * 60_000;
        };
    }

    private static String find(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + pattern + ": " + out);
        }
        return m.group(1);
    }
}
