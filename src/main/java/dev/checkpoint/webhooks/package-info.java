/**
 * Webhooks: admins register endpoints (URL, secret, events); the events other modules
 * publish (a rollout changed, a month's MAU report closed) are queued for them in the
 * publisher's transaction and delivered, signed with HMAC-SHA256, retried with backoff,
 * once per event and endpoint across replicas, with a log of every attempt.
 */
@NullMarked
package dev.checkpoint.webhooks;

import org.jspecify.annotations.NullMarked;
