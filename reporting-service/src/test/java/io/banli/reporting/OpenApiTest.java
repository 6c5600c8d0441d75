package io.banli.reporting;

import io.banli.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest extends OpenApiContract {
}
