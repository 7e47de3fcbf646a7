package dev.checkpoint.shared;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Replaces Tomcat's HTML error report with {@link ProblemErrorReportValve}, after Spring
 * Boot's own customizer has added its (HTML) one, and closes the connection of a body
 * that nothing read ({@link UnreadBodyValve}).
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final JsonMapper json;

	TomcatConfiguration(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			useProblemErrorReport(context.getParent());
			context.getPipeline().addValve(new UnreadBodyValve());
		});
	}

	private void useProblemErrorReport(Container host) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(new ProblemErrorReportValve(this.json));
		if (host instanceof StandardHost standardHost) {
			standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
