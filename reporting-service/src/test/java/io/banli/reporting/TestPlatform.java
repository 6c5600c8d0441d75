package io.banli.reporting;

import io.banli.testing.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test in this module runs against one real Kafka broker and one real PostgreSQL. */
@QuarkusTestResource(PlatformTestResource.class)
public class TestPlatform {
}
