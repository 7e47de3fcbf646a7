package dev.checkpoint.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.checkpoint.shared.Version;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The text is a version that {@link Version#parse} accepts, without surrounding blanks.
 * Null and empty texts are left to {@code @NotBlank} (or allowed where optional).
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidVersion.Validator.class)
@interface ValidVersion {

	String message() default "must be a semantic version such as 1.2.3 or 5.13.0-dev.13";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a text with {@link Version#parse}. */
	class Validator implements ConstraintValidator<ValidVersion, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isEmpty() || (value.equals(value.strip()) && Version.isValid(value));
		}

	}

}
