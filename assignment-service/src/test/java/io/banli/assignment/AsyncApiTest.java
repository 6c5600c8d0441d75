package io.banli.assignment;

import io.banli.testing.AsyncApiContract;
import io.quarkus.test.junit.QuarkusTest;

/** The events this service publishes: its AsyncAPI document, stored, compatible and catalogued. */
@QuarkusTest
class AsyncApiTest extends AsyncApiContract {
}
