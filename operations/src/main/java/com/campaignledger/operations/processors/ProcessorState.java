package com.campaignledger.operations.processors;

/**
 * Where one streaming event processor stands on this instance: whether it runs, the segments it holds,
 * how far they have read and how far that is behind the newest event in the store.
 *
 * @param position the lowest position among this instance's segments, -1 when it holds none or none has read yet
 * @param lag      events between {@code position} and the head of the event store, -1 when it holds no segment
 * @param error    the error of a failing segment ({@code "IllegalStateException: ..."}), or null
 */
public record ProcessorState(
        String name,
        boolean running,
        int segments,
        long position,
        long head,
        long lag,
        boolean replaying,
        String error) {

    public boolean holdsSegments() {
        return segments > 0;
    }
}
