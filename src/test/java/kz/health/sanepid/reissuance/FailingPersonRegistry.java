package kz.health.sanepid.reissuance;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import kz.health.sanepid.registry.person.EmbeddedPersonRegistry;
import kz.health.sanepid.registry.person.PersonRegistry;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Test adapter: the embedded person registry, failing the next N calls as an unreachable registry would. */
@Component
@Primary
public class FailingPersonRegistry implements PersonRegistry {

    private final EmbeddedPersonRegistry delegate;
    private final AtomicInteger failures = new AtomicInteger();

    public FailingPersonRegistry(EmbeddedPersonRegistry delegate) {
        this.delegate = delegate;
    }

    public void failNext(int calls) {
        failures.set(calls);
    }

    @Override
    public Optional<PersonRecord> find(String iin) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("person registry unreachable (test)");
        }
        return delegate.find(iin);
    }
}
