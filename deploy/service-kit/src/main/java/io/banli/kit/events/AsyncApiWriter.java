package io.banli.kit.events;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stores a service's AsyncAPI document when it is built, as Quarkus stores the OpenAPI one: each producing
 * service's POM runs it after compiling ({@code <service>/target/asyncapi/asyncapi.yaml}), with the class whose
 * static {@code document()} declares the service's {@link AsyncApi}, so the document is there even when tests
 * are skipped.
 */
public final class AsyncApiWriter {

    private AsyncApiWriter() {
    }

    /** @param args the declaring class's name, then the file to write */
    public static void main(String[] args) throws Exception {
        AsyncApi document = (AsyncApi) Class.forName(args[0]).getMethod("document").invoke(null);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, document.yaml());
    }
}
