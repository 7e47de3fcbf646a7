package dev.checkpoint.reports;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the CSV writer; it only handles {@link CsvExport} responses, so nothing else
 * changes.
 */
@Configuration(proxyBeanMethods = false)
class ReportsWebConfiguration implements WebMvcConfigurer {

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.addCustomConverter(new CsvHttpMessageConverter());
	}

}
