package io.banli.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** One overlay as an ops engineer's {@code kubectl kustomize} renders it: the objects that would be applied. */
final class Rendered {

    static final Path MODULE = Path.of(System.getProperty("user.dir"));
    static final Path PROJECT = MODULE.resolve("../..").normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    final String overlay;
    final List<JsonNode> objects;

    private Rendered(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static Rendered overlay(String name) {
        String yaml = run(MODULE, "kubectl", "kustomize", "overlays/" + name).output;
        try {
            List<JsonNode> objects = new ArrayList<>();
            var parser = new YAMLFactory().createParser(yaml);
            var docs = new YAMLMapper().readValues(parser, JsonNode.class);
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
            return new Rendered(name, objects);
        } catch (IOException e) {
            throw new IllegalStateException("overlay " + name + " rendered no YAML", e);
        }
    }

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst();
    }

    JsonNode one(String kind, Predicate<JsonNode> which, String what) {
        return all(kind).stream().filter(which).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + what));
    }

    /** Writes the objects as one JSON array for the schema validator. */
    Path writeJson() throws IOException {
        ArrayNode array = JSON.createArrayNode();
        objects.forEach(array::add);
        Path file = MODULE.resolve("target/rendered-" + overlay + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(array));
        return file;
    }

    record Result(int exit, String output) {
    }

    static Result run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0 && command[0].equals("kubectl")) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed (see deploy/kubernetes/README.md): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
