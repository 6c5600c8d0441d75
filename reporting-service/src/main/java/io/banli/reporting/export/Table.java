package io.banli.reporting.export;

import java.io.IOException;
import java.util.List;

/** A table written row by row to the response as it is produced, so a large export never sits in memory. */
public interface Table extends AutoCloseable {

    void row(List<?> cells) throws IOException;

    @Override
    void close() throws IOException;
}
