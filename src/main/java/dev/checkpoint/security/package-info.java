@NullMarked
package dev.checkpoint.security;

import org.jspecify.annotations.NullMarked;
