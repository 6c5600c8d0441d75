package io.banli.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The documents the four services stored when they were built. */
final class ApiDocuments {

    static final List<String> SERVICES = List.of("intake-service", "assignment-service", "supervision-service",
            "reporting-service");
    static final Path REPO = Path.of(System.getProperty("banli.repo-root", "../..")).toAbsolutePath().normalize();

    private ApiDocuments() {
    }

    static JsonNode stored(String service) throws IOException {
        Path document = REPO.resolve(service).resolve("target/openapi/openapi.json");
        assertThat(document).as("%s stores its document when it is packaged", service).isRegularFile();
        return new ObjectMapper().readTree(document.toFile());
    }
}
