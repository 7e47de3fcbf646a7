package dev.checkpoint.ingest;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.dao.DataAccessException;

/**
 * The one policy for a batch the database refuses for its content: store each half the
 * same way, so that one bad ping cannot fail the others, down to the single refused ping.
 * Used for batches in memory and for spooled batches on replay.
 */
final class Halving {

	private Halving() {
	}

	/**
	 * Stores {@code batch}; when the database refuses it for its content
	 * ({@link StorageFailureClassifier#isContentError}), stores each of its halves the
	 * same way. A batch that cannot be halved any more goes to {@code refused}. Other
	 * failures propagate.
	 * @param halves the two halves of a batch, or the batch alone when it holds one ping
	 */
	static <B> void store(B batch, Function<B, List<B>> halves, Consumer<B> store,
			BiConsumer<B, DataAccessException> refused) {
		try {
			store.accept(batch);
		}
		catch (DataAccessException ex) {
			if (!StorageFailureClassifier.isContentError(ex)) {
				throw ex;
			}
			List<B> parts = halves.apply(batch);
			if (parts.size() < 2) {
				refused.accept(batch, ex);
				return;
			}
			for (B part : parts) {
				store(part, halves, store, refused);
			}
		}
	}

}
