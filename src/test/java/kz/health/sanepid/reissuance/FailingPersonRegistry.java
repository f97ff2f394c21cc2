package kz.health.sanepid.reissuance;

import java.util.Optional;

import kz.health.sanepid.registry.person.EmbeddedPersonRegistry;
import kz.health.sanepid.registry.person.PersonRegistry;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Test adapter: the embedded person registry, failing the next N calls as an unreachable registry would. */
@Component
@Primary
public class FailingPersonRegistry implements PersonRegistry {

    private final EmbeddedPersonRegistry delegate;
    private final Outage outage = new Outage("person registry");

    public FailingPersonRegistry(EmbeddedPersonRegistry delegate) {
        this.delegate = delegate;
    }

    public void failNext(int calls) {
        outage.failNext(calls);
    }

    @Override
    public Optional<PersonRecord> find(String iin) {
        outage.call();
        return delegate.find(iin);
    }
}
