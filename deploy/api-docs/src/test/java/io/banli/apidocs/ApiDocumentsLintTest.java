package io.banli.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a platform integrating with Banli relies on: each service's published OpenAPI document is valid
 * OpenAPI that generators and gateways accept. The documents checked are the ones the services' own
 * builds stored (the same the services serve at /q/openapi), so a broken annotation fails here.
 */
class ApiDocumentsLintTest {

    static final Path REPO = Path.of(System.getProperty("banli.repo-root", "../..")).toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "assignment-service", "supervision-service", "reporting-service"})
    void theStoredDocumentHasNoErrorLevelFinding(String service) throws Exception {
        Path document = REPO.resolve(service).resolve("target/openapi/openapi.yaml");
        assertThat(document).as("%s stores its document when it is packaged", service).isRegularFile();

        Spectral.Report report = Spectral.lint(document);

        print(service, report);
        assertThat(report.errors()).as(service + ": error-level findings (printed above)").isEmpty();
        assertThat(report.exit()).as(report.stderr()).isZero();
        assertThat(Files.readString(document)).contains("/api/v1/");
    }

    @Test
    void anExampleThatContradictsItsSchemaIsAnError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // The mistake the intake document once had: a JSON example under a schema of binary text.
        Path document = dir.resolve("openapi.yaml");
        Files.writeString(document, """
                openapi: 3.0.3
                info: {title: broken, version: "1.0", description: A document with one error., contact: {name: Banli}}
                servers: [{url: "http://localhost:8081"}]
                tags: [{name: Import, description: Import}]
                paths:
                  /api/v1/imports:
                    post:
                      operationId: ImportResource_start
                      summary: Import
                      description: Import rows.
                      tags: [Import]
                      requestBody:
                        content:
                          application/json:
                            schema: {type: string, format: binary}
                            examples:
                              json: {value: [{externalRef: R-0001}]}
                      responses:
                        "202": {description: Started}
                """);

        Spectral.Report report = Spectral.lint(document);

        print("broken example", report);
        // The OWASP rules and ours find more in this sketch (no rate-limit headers, an unbounded string body);
        // Spectral's own OpenAPI rules find exactly the example.
        assertThat(report.errors()).extracting(Spectral.Finding::code)
                .filteredOn(code -> !code.startsWith("owasp:") && !code.startsWith("banli-"))
                .containsExactly("oas3-valid-media-example");
        assertThat(report.exit()).isNotZero();
    }

    /** Every error in full; warnings counted by rule (deploy/api-docs/README.md says why they stay). */
    private static void print(String what, Spectral.Report report) {
        Map<String, Long> warnings = report.warnings().stream()
                .collect(Collectors.groupingBy(Spectral.Finding::code, TreeMap::new, Collectors.counting()));
        System.out.printf("Spectral %s: %d errors, %d warnings %s%n", what, report.errors().size(),
                report.warnings().size(), warnings);
        report.errors().forEach(e -> System.out.println("  " + e));
    }
}
