package dev.checkpoint.privacy;

import java.util.Map;
import java.util.UUID;

/**
 * Implemented by every module that stores data under a client's signature, so that the
 * signature's holder can have it erased. Implementations join the erasure's transaction:
 * all modules' deletions commit together, or none does.
 */
public interface SignatureEraser {

	/**
	 * Deletes everything stored under {@code signature}, in the caller's transaction.
	 * @param signature the signature as stored (see {@code Signatures.toUuid})
	 * @return the number of rows deleted, by table name
	 */
	Map<String, Long> erase(UUID signature);

}
