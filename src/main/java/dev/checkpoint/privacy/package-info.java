/**
 * Privacy: the holder of a signature erases everything stored under it ({@code DELETE
 * /api/privacy/signatures/{signature}}). Each module that stores data under signatures
 * implements {@link dev.checkpoint.privacy.SignatureEraser}; this module runs them all in
 * one transaction and never touches their tables itself.
 */
@NullMarked
package dev.checkpoint.privacy;

import org.jspecify.annotations.NullMarked;
