package com.campaignledger.web.notification;

import java.util.List;

/** One page of a list, with the totals a client needs to page on. */
record PageResponse<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

    static <T> PageResponse<T> of(List<T> content, int page, int size, long totalElements) {
        return new PageResponse<>(
                content, page, size, totalElements, size == 0 ? 0 : (totalElements + size - 1) / size);
    }
}
