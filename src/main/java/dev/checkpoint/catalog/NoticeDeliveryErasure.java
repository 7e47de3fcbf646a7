package dev.checkpoint.catalog;

import java.util.Map;
import java.util.UUID;

import dev.checkpoint.privacy.SignatureEraser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erases which notices a signature received, in the database and in this instance's
 * memory, so that the signature is sent its notices again like a new client.
 */
@Component
class NoticeDeliveryErasure implements SignatureEraser {

	private final NoticeDeliveries deliveries;

	NoticeDeliveryErasure(NoticeDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Long> erase(UUID signature) {
		long deleted = this.deliveries.forget(signature);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				NoticeDeliveryErasure.this.deliveries.forgetInMemory(signature);
			}

		});
		return Map.of("notice_deliveries", deleted);
	}

}
