package kz.health.sanepid.ops;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.health.sanepid.consentservice.ConsentService;
import kz.health.sanepid.notification.NotificationPort;
import kz.health.sanepid.registry.civil.CivilRegistry;
import kz.health.sanepid.registry.legalentity.LegalEntityRegistry;
import kz.health.sanepid.registry.license.LicenseRegistry;
import kz.health.sanepid.registry.mobile.MobileCitizenBase;
import kz.health.sanepid.registry.person.PersonRegistry;
import kz.health.sanepid.sdustore.SduStore;
import kz.health.sanepid.sms.SmsGateway;
import kz.health.sanepid.sms.SmsSegments;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Each outside system's calls, latency and failures per port: every bean implementing a port interface is wrapped
 * (a class proxy, so it stays an instance of its adapter) in a timer {@code sanepid.port.calls} tagged with the port,
 * the operation (the method's name) and the outcome (success, or failure with the exception's class). Arguments and
 * answers are never tags: they hold IINs, phones and names. A message the SMS gateway accepts (send answered true)
 * also counts in {@code sanepid.sms.sent} and its parts in {@code sanepid.sms.segments}, per encoding.
 */
public class PortMetrics implements BeanPostProcessor {

    static final List<Class<?>> PORTS = List.of(LegalEntityRegistry.class, PersonRegistry.class, CivilRegistry.class,
            LicenseRegistry.class, MobileCitizenBase.class, SmsGateway.class, SduStore.class, ConsentService.class,
            NotificationPort.class);

    private final ObjectProvider<MeterRegistry> meters;

    public PortMetrics(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> port = PORTS.stream().filter(p -> p.isInstance(bean)).findFirst().orElse(null);
        if (port == null) {
            return bean;
        }
        String portName = kebab(port.getSimpleName());
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) call -> {
            if (call.getMethod().getDeclaringClass() == Object.class) {
                return call.proceed();
            }
            long start = System.nanoTime();
            String outcome = "success";
            try {
                Object result = call.proceed();
                if (port == SmsGateway.class && "send".equals(call.getMethod().getName())
                        && Boolean.TRUE.equals(result)) {
                    smsSent((String) call.getArguments()[2]);
                }
                return result;
            } catch (Throwable failure) {
                outcome = "failure";
                throw failure;
            } finally {
                Timer.builder("sanepid.port.calls").description("calls of an outside system's port")
                        .tag("port", portName).tag("operation", call.getMethod().getName()).tag("outcome", outcome)
                        .register(meters.getObject()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        });
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    private void smsSent(String body) {
        SmsSegments.Count segments = SmsSegments.of(body);
        String encoding = segments.encoding().name();
        MeterRegistry registry = meters.getObject();
        Counter.builder("sanepid.sms.sent").description("SMS accepted by the gateway").tag("encoding", encoding)
                .register(registry).increment();
        Counter.builder("sanepid.sms.segments").description("parts of the SMS accepted by the gateway")
                .tag("encoding", encoding).register(registry).increment(segments.segments());
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
