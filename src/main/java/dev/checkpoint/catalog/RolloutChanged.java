package dev.checkpoint.catalog;

/**
 * Published in the transaction that changes a release's rollout (started, paused,
 * resumed, advanced, aborted) or that announces a scheduled stage that started, for
 * listeners that tell people (webhooks).
 *
 * @param product the product
 * @param version the release
 * @param action what changed: {@code started}, {@code paused}, {@code resumed},
 * {@code advanced}, {@code aborted}, or {@code stage} (a scheduled stage started)
 * @param state the rollout's state after it: active, paused or aborted
 * @param percent the share answered the release after it
 */
public record RolloutChanged(String product, String version, String action, String state, double percent) {
}
