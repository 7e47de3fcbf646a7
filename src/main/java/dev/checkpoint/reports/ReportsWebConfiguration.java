package dev.checkpoint.reports;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the CSV writer (it only handles {@link CsvExport} responses, so nothing else
 * changes), and ETags on the public pages' answers.
 */
@Configuration(proxyBeanMethods = false)
class ReportsWebConfiguration implements WebMvcConfigurer {

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.addCustomConverter(new CsvHttpMessageConverter());
	}

	/**
	 * An ETag (a digest of the body) on every answer under {@code /public/}: a cache or
	 * browser revalidating with {@code If-None-Match} gets {@code 304} without the body.
	 */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/public/*");
		return registration;
	}

}
