/**
 * The audit log: every change made through the admin API, with who made it and when.
 */
@NullMarked
package dev.checkpoint.audit;

import org.jspecify.annotations.NullMarked;
