@NullMarked
package dev.checkpoint.catalog;

import org.jspecify.annotations.NullMarked;
