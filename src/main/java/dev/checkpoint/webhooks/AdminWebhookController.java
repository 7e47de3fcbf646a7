package dev.checkpoint.webhooks;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/webhooks}: the endpoints told about events, and their delivery log.
 */
@RestController
@RequestMapping("/api/admin/webhooks")
class AdminWebhookController {

	private final WebhookService webhooks;

	AdminWebhookController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping
	List<WebhookEndpointResponse> list() {
		return this.webhooks.list();
	}

	/** Registers an endpoint; the answer holds its secret, shown this once. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	WebhookEndpointResponse register(@Valid @RequestBody WebhookEndpointRequest request) {
		return this.webhooks.register(request);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void retire(@PathVariable long id) {
		this.webhooks.retire(id);
	}

	@GetMapping("/{id}/deliveries")
	List<WebhookDeliveryResponse> deliveries(@PathVariable long id) {
		return this.webhooks.deliveries(id);
	}

}
