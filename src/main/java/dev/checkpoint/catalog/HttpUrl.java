package dev.checkpoint.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * The text is an http or https URL of at most 2048 characters, or empty; null is allowed.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Pattern(regexp = "(https?://[^\\s]{1,2040})?")
@ReportAsSingleViolation
@interface HttpUrl {

	String message() default "must be an http or https URL of at most 2048 characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
