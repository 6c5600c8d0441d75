package io.banli.apidocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the Spectral CLI that the build installed into target/spectral (from lint/package-lock.json) with
 * the committed ruleset, and reads its JSON report.
 */
final class Spectral {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path RULESET = MODULE.resolve("lint/.spectral.yaml");
    static final Path INSTALLED = MODULE.resolve("target/spectral");
    static final Path CLI = INSTALLED.resolve("node_modules/@stoplight/spectral-cli/dist/index.js");

    /** Spectral's severities, in the order of its JSON report's numbers. */
    enum Severity { ERROR, WARNING, INFO, HINT }

    record Finding(String code, Severity severity, String message, String path, int line) {
        @Override
        public String toString() {
            return String.format("%-7s %-34s %s (%s, line %d)", severity, code, message, path, line);
        }
    }

    record Report(int exit, List<Finding> findings, String stderr) {
        List<Finding> errors() {
            return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        }

        List<Finding> warnings() {
            return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
        }
    }

    private Spectral() {
    }

    static Report lint(Path document) throws IOException, InterruptedException {
        return lint(document, RULESET);
    }

    /** With another ruleset than the OpenAPI one (the AsyncAPI documents have their own). */
    static Report lint(Path document, Path ruleset) throws IOException, InterruptedException {
        if (!Files.isRegularFile(CLI)) {
            throw new IllegalStateException("Spectral is not installed in target/spectral: run the build (npm ci) first");
        }
        // Spectral finds the rulesets it extends (OWASP's) from the ruleset's own folder: beside node_modules.
        Path installed = Files.copy(ruleset, INSTALLED.resolve(ruleset.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        Path out = Files.createTempFile(MODULE.resolve("target"), "spectral-", ".json");
        Process process = new ProcessBuilder("node", CLI.toString(), "lint", document.toString(),
                "--ruleset", installed.toString(), "--format", "json", "--output", out.toString(),
                "--fail-severity", "error")
                .redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Spectral did not finish within 2 minutes");
        }
        List<Finding> findings = new ArrayList<>();
        String json = Files.readString(out);
        if (!json.isBlank()) {
            for (JsonNode f : new ObjectMapper().readTree(json)) {
                StringBuilder path = new StringBuilder();
                for (JsonNode segment : f.path("path")) {
                    path.append(path.isEmpty() ? "" : ".").append(segment.asText());
                }
                findings.add(new Finding(f.path("code").asText(), Severity.values()[f.path("severity").asInt()],
                        f.path("message").asText(), path.toString(), f.at("/range/start/line").asInt() + 1));
            }
        }
        return new Report(process.exitValue(), findings, stderr);
    }
}
