package dev.checkpoint;

import org.springframework.boot.SpringApplication;

/**
 * Runs the server against the test database ({@code ./mvnw spring-boot:test-run}).
 */
public class TestCheckpointApplication {

	public static void main(String[] args) {
		SpringApplication.from(CheckpointApplication::main).with(TestcontainersConfiguration.class).run(args);
	}

}
