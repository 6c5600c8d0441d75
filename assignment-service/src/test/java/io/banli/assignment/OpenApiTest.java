package io.banli.assignment;

import io.banli.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest extends OpenApiContract {
}
