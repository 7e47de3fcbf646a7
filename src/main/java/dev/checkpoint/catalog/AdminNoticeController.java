package dev.checkpoint.catalog;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /api/admin/products/{name}/notices}: security notices, sent to clients as
 * alerts.
 */
@RestController
@RequestMapping("/api/admin/products/{name}/notices")
class AdminNoticeController {

	private final NoticeService notices;

	AdminNoticeController(NoticeService notices) {
		this.notices = notices;
	}

	@GetMapping
	List<NoticeResponse> list(@PathVariable String name,
			@RequestParam(name = "include_retired", defaultValue = "false") boolean includeRetired) {
		return this.notices.list(name, includeRetired);
	}

	@GetMapping("/{id}")
	NoticeResponse get(@PathVariable String name, @PathVariable int id) {
		return this.notices.get(name, id);
	}

	@PostMapping
	ResponseEntity<NoticeResponse> publish(@PathVariable String name, @Valid @RequestBody NoticeRequest request,
			UriComponentsBuilder uri) {
		NoticeResponse published = this.notices.publish(name, request);
		return ResponseEntity
			.created(uri.path("/api/admin/products/{name}/notices/{id}")
				.buildAndExpand(name, published.id())
				.encode()
				.toUri())
			.body(published);
	}

	@PutMapping("/{id}")
	NoticeResponse update(@PathVariable String name, @PathVariable int id, @Valid @RequestBody NoticeRequest request) {
		return this.notices.update(name, id, request);
	}

	/** Retires the notice: clients no longer receive it. */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void retire(@PathVariable String name, @PathVariable int id) {
		this.notices.retire(name, id);
	}

}
