package io.banli.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.banli.testing.OpenApiFuzzer;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of this service's OpenAPI document, fed wrong input one place at a time (see
 * {@link OpenApiFuzzer}): no server error, every refusal a problem document, nothing invalid accepted.
 * Operations whose body is a form, CSV or plain text get the parameter cases only (the fuzzer mutates JSON).
 */
@QuarkusTest
class OpenApiFuzzTest {

    @Test
    void wrongInputIsRefusedAsAProblemAndNeverBreaksTheService() throws Exception {
        OpenApiFuzzer.Report report = new OpenApiFuzzer()
                .token("office", Tokens.office())
                .token("member", Tokens.member(1))
                .token("unit-staff", Tokens.unitStaff(1))
                .token("unit-head", Tokens.unitHead(1))
                .token("leader", Tokens.leader("张副市长"))
                .token("auditor", Tokens.auditor())
                .token("platform", Tokens.platformFor(1))
                .run();
        System.out.println("fuzzed " + report.operations() + " operations with " + report.requests() + " requests");
        assertThat(report.findings()).isEmpty();
    }
}
