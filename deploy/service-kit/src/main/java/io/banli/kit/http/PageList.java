package io.banli.kit.http;

import java.util.ArrayList;
import java.util.List;

/**
 * A page for the endpoints whose body is a plain JSON array: it still serialises as the array (clients see no
 * change), and {@link PagingLinks} finds the page, size and total to put in the headers.
 */
public class PageList<T> extends ArrayList<T> implements Paged {

    private final int page;
    private final int size;
    private final long total;

    public PageList(List<T> items, int page, int size, long total) {
        super(items);
        this.page = page;
        this.size = size;
        this.total = total;
    }

    @Override
    public int page() {
        return page;
    }

    @Override
    public int pageSize() {
        return size;
    }

    @Override
    public long total() {
        return total;
    }
}
