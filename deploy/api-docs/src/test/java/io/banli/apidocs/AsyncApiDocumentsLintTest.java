package io.banli.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The event documents integrators read are valid AsyncAPI 3: each producing service's document as its build
 * stored it (the one it serves at /asyncapi.yaml), linted with Spectral's AsyncAPI rules.
 */
class AsyncApiDocumentsLintTest {

    static final Path RULESET = Spectral.MODULE.resolve("lint/.spectral-asyncapi.yaml");

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "assignment-service", "supervision-service"})
    void theStoredDocumentHasNoErrorLevelFinding(String service) throws Exception {
        Path document = ApiDocumentsLintTest.REPO.resolve(service).resolve("target/asyncapi/asyncapi.yaml");
        assertThat(document).as("%s stores its document when its tests run", service).isRegularFile();

        Spectral.Report report = Spectral.lint(document, RULESET);

        report.findings().forEach(f -> System.out.println("  " + service + " " + f));
        assertThat(report.errors()).as(service + ": error-level findings (printed above)").isEmpty();
        assertThat(report.exit()).as(report.stderr()).isZero();
    }
}
