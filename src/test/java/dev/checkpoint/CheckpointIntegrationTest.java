package dev.checkpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A test of the whole application on a real PostgreSQL
 * ({@link TestcontainersConfiguration}): a web server on a random port, for clients that
 * speak HTTP, and {@code MockMvcTester} for requests inside the JVM. Every test with this
 * annotation and no properties of its own shares one application context; properties (or
 * extra {@code @Import}s) make a context of their own, so give them only where the test
 * is about them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestcontainersConfiguration.class)
public @interface CheckpointIntegrationTest {

	/** Settings of this test's own context, as in {@link SpringBootTest#properties()}. */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
