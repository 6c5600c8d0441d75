package io.banli.kit.idempotency;

/**
 * A key as the first request left it: what it asked (to recognise a reuse for something else) and, once it
 * finished, what it answered (to replay). {@code status} is null while the first request is still running.
 */
record StoredKey(String method, String path, String requestHash, Integer status, byte[] body, String contentType,
        String location) {

    boolean sameRequest(String method, String path, String requestHash) {
        return this.method.equals(method) && this.path.equals(path) && this.requestHash.equals(requestHash);
    }

    boolean completed() {
        return status != null;
    }
}
