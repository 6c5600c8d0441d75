package io.banli.intake.submission;

import java.util.List;

import io.banli.kit.http.Paged;

/** One page of a search, with the total over all pages. */
public record SubmissionPage(List<SubmissionView> items, int page, int size, long total) implements Paged {
    @Override
    public int pageSize() {
        return size;
    }
}
