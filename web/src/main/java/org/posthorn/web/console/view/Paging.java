package org.posthorn.web.console.view;

import java.io.Serializable;

/**
 * One page of a listing: which entries it shows and whether there are pages before and after it.
 * Page numbers count from 1; a number out of range is brought into range rather than refused, so an
 * old link after deletions still shows something.
 *
 * @param page     the page shown, from 1
 * @param pageSize entries per page
 * @param total    entries on all pages
 */
public record Paging(int page, int pageSize, long total) implements Serializable {

    /** Entries per page of the account list. */
    public static final int DEFAULT_PAGE_SIZE = 25;

    /**
     * @param requested the page asked for (from a link or typed in the address bar); null or below 1 means 1
     * @param total     how many entries there are, as far as known; the page is clamped to the last one
     */
    public static Paging of(Integer requested, int pageSize, long total) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        int page = requested == null || requested < 1 ? 1 : requested;
        int last = lastPage(pageSize, total);
        return new Paging(Math.min(page, last), pageSize, Math.max(0, total));
    }

    /** The number of pages; 1 for an empty listing, which still has a page to say so. */
    public int pageCount() {
        return lastPage(pageSize, total);
    }

    /** How many entries come before this page. */
    public int offset() {
        return (page - 1) * pageSize;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount();
    }

    /** The position of the first entry shown, from 1; 0 when there are none. */
    public long firstShown() {
        return total == 0 ? 0 : offset() + 1L;
    }

    /** The position of the last entry shown, from 1; 0 when there are none. */
    public long lastShown() {
        return Math.min(total, (long) offset() + pageSize);
    }

    private static int lastPage(int pageSize, long total) {
        if (total <= 0) {
            return 1;
        }
        long pages = (total + pageSize - 1) / pageSize;
        return (int) Math.min(Integer.MAX_VALUE, pages);
    }
}
