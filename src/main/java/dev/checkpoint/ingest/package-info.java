@NullMarked
package dev.checkpoint.ingest;

import org.jspecify.annotations.NullMarked;
