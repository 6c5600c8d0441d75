package io.banli.intake;

import io.banli.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest extends OpenApiContract {
}
