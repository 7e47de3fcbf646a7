package dev.checkpoint.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The text is a version range that {@link VersionRange#parse} accepts; null means every
 * version.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidVersionRange.Validator.class)
@interface ValidVersionRange {

	String message() default "must be a version range such as '>=5.0.0 <5.4.2', alternatives joined by '||', or '*'";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a text with {@link VersionRange#parse}. */
	class Validator implements ConstraintValidator<ValidVersionRange, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || VersionRange.parse(value).isPresent();
		}

	}

}
