package kz.health.sanepid.reissuance;

import java.util.Optional;

import kz.health.sanepid.registry.mobile.EmbeddedMobileCitizenBase;
import kz.health.sanepid.registry.mobile.MobileCitizenBase;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Test adapter: the embedded mobile citizens base (МАБ), failing the next N calls as an unreachable one would. */
@Component
@Primary
public class FailingMobileCitizenBase implements MobileCitizenBase {

    private final EmbeddedMobileCitizenBase delegate;
    private final Outage outage = new Outage("mobile citizens base");

    public FailingMobileCitizenBase(EmbeddedMobileCitizenBase delegate) {
        this.delegate = delegate;
    }

    public void failNext(int calls) {
        outage.failNext(calls);
    }

    @Override
    public Optional<Subscriber> subscriber(String iin) {
        outage.call();
        return delegate.subscriber(iin);
    }
}
