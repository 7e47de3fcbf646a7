@NullMarked
package dev.checkpoint.shared;

import org.jspecify.annotations.NullMarked;
