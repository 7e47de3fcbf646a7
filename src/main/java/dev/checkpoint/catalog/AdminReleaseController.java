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
 * {@code /api/admin/products/{name}/releases}: the versions clients are told about.
 */
@RestController
@RequestMapping("/api/admin/products/{name}/releases")
class AdminReleaseController {

	private final ReleaseService releases;

	private final RolloutService rollouts;

	AdminReleaseController(ReleaseService releases, RolloutService rollouts) {
		this.releases = releases;
		this.rollouts = rollouts;
	}

	@GetMapping
	List<ReleaseResponse> list(@PathVariable String name,
			@RequestParam(name = "include_retired", defaultValue = "false") boolean includeRetired) {
		return this.releases.list(name, includeRetired);
	}

	@GetMapping("/{version}")
	ReleaseResponse get(@PathVariable String name, @PathVariable String version) {
		return this.releases.get(name, version);
	}

	@PostMapping
	ResponseEntity<ReleaseResponse> publish(@PathVariable String name, @Valid @RequestBody ReleaseCreateRequest request,
			UriComponentsBuilder uri) {
		ReleaseResponse published = this.releases.publish(name, request);
		return ResponseEntity
			.created(uri.path("/api/admin/products/{name}/releases/{version}")
				.buildAndExpand(name, published.version())
				.encode()
				.toUri())
			.body(published);
	}

	@PutMapping("/{version}")
	ReleaseResponse update(@PathVariable String name, @PathVariable String version,
			@Valid @RequestBody ReleaseUpdateRequest request) {
		return this.releases.update(name, version, request);
	}

	@GetMapping("/{version}/rollout")
	RolloutResponse rollout(@PathVariable String name, @PathVariable String version) {
		return this.rollouts.get(name, version);
	}

	/** Starts (or replaces) the release's staged rollout. */
	@PutMapping("/{version}/rollout")
	RolloutResponse startRollout(@PathVariable String name, @PathVariable String version,
			@Valid @RequestBody RolloutRequest request) {
		return this.rollouts.start(name, version, request);
	}

	@PostMapping("/{version}/rollout/pause")
	RolloutResponse pauseRollout(@PathVariable String name, @PathVariable String version) {
		return this.rollouts.pause(name, version);
	}

	@PostMapping("/{version}/rollout/resume")
	RolloutResponse resumeRollout(@PathVariable String name, @PathVariable String version) {
		return this.rollouts.resume(name, version);
	}

	@PostMapping("/{version}/rollout/advance")
	RolloutResponse advanceRollout(@PathVariable String name, @PathVariable String version) {
		return this.rollouts.advance(name, version);
	}

	/** Answers the release to no one, at once. */
	@PostMapping("/{version}/rollout/abort")
	RolloutResponse abortRollout(@PathVariable String name, @PathVariable String version) {
		return this.rollouts.abort(name, version);
	}

	/**
	 * Yanks the release: retired with a reason, its clients answered the release before
	 * it and sent the reason.
	 */
	@PostMapping("/{version}/yank")
	ReleaseResponse yank(@PathVariable String name, @PathVariable String version,
			@Valid @RequestBody YankRequest request) {
		return this.releases.yank(name, version, request);
	}

	/** Retires the release: the previous one of its channel is answered again. */
	@DeleteMapping("/{version}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void retire(@PathVariable String name, @PathVariable String version) {
		this.releases.retire(name, version);
	}

}
