package io.banli.kit.http;

/**
 * A page of a list, as the list endpoints answer it. Pages are numbered from 0; {@link PagingLinks} turns
 * this into {@code Link} and {@code X-Total-Count} headers.
 */
public interface Paged {

    /** This page's number, from 0. */
    int page();

    /** The requested page size (not {@code size()}: a page that is a list has that already). */
    int pageSize();

    /** How many items all pages hold together. */
    long total();
}
