package io.banli.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The yardsticks and load generators the benchmarks run beside the services: found on the PATH, run to the end. */
final class Commands {

    private Commands() {
    }

    /** The program's path, or null when it is not on the PATH (the benchmark then says so and goes on). */
    static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    /** Runs the command and returns what it printed (both streams); fails when it exits with an error. */
    static String output(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                out.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + out);
        }
        return out.toString();
    }
}
