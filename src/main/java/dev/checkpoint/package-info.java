@NullMarked
package dev.checkpoint;

import org.jspecify.annotations.NullMarked;
