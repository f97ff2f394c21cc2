package kz.health.sanepid.reissuance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.registry.civil.CivilRegistry;
import kz.health.sanepid.registry.legalentity.LegalEntityRegistry;
import kz.health.sanepid.registry.license.LicenseRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Items 3-5 of 004 App.2 for one run: name changes in the window (organisations from the legal-entity registry,
 * individuals from the civil registry), kept when they hold a permit document of any of the 4 services in e-license,
 * the organisation's first head as the recipient; written to the ledger as candidates in the job's transaction,
 * together with the run's window (the next watermark). Offers already made are skipped.
 */
@Service
public class CollectCandidates {

    private static final Logger LOG = LoggerFactory.getLogger(CollectCandidates.class);

    private final LegalEntityRegistry legalEntities;
    private final CivilRegistry civil;
    private final LicenseRegistry licenses;
    private final SduLedger ledger;
    private final SduSettings settings;

    public CollectCandidates(LegalEntityRegistry legalEntities, CivilRegistry civil, LicenseRegistry licenses,
                             SduLedger ledger, SduSettings settings) {
        this.legalEntities = legalEntities;
        this.civil = civil;
        this.licenses = licenses;
        this.ledger = ledger;
        this.settings = settings;
    }

    public record Collected(Instant windowFrom, Instant windowTo, int candidates, int alreadyOffered,
                            int organisationsWithoutHead) {
    }

    public Collected collect(String runId, Instant requestedFrom, Instant now) {
        Instant from = requestedFrom != null ? requestedFrom : ledger.watermark().orElse(settings.firstWindowOpens());
        List<Candidate> candidates = new ArrayList<>();
        int withoutHead = 0;
        int renamedOrganisations = 0;
        int renamedPersons = 0;
        int withPermit = 0;
        for (LegalEntityRegistry.RenamedOrganisation org : legalEntities.renamedBetween(from, now)) {
            renamedOrganisations++;
            List<LicenseRegistry.Permit> permits = licenses.activePermitsHeldBy(org.bin());
            if (permits.isEmpty()) {
                continue;
            }
            withPermit++;
            Optional<String> head = legalEntities.firstHeadIin(org.bin());
            if (head.isEmpty()) {
                withoutHead++;
                LOG.warn("run {}: organisation {} has no first head in the registry, left out", runId,
                        IdentificationNumbers.mask(org.bin()));
                continue;
            }
            String changeRef = "LE:" + org.bin() + ":" + org.changedAt().toEpochMilli();
            for (LicenseRegistry.Permit p : permits) {
                candidates.add(new Candidate(runId, head.get(), org.bin(), "ORGANISATION", org.newName(), p.permitId(),
                        changeRef, org.changedAt()));
            }
        }
        int personsWithPermit = 0;
        for (CivilRegistry.NameChange change : civil.nameChangesBetween(from, now)) {
            renamedPersons++;
            // a person holding a permit of any of the 4 services under their IIN (App.1; the template's "surname,
            // name, patronymic"), not only the specialist certificate
            List<LicenseRegistry.Permit> permits = licenses.activePermitsHeldBy(change.iin());
            if (!permits.isEmpty()) {
                personsWithPermit++;
            }
            for (LicenseRegistry.Permit p : permits) {
                candidates.add(new Candidate(runId, change.iin(), change.iin(), "PERSON", change.newFullName(),
                        p.permitId(), "CN:" + change.id(), change.changedAt()));
            }
        }
        int written = ledger.insertCandidates(candidates);
        ledger.collected(runId, from, now, written, candidates.size() - written);
        // the managers' funnel (items 3-5): renamed -> with a permit of the 4 services -> with a recipient
        ledger.collectionCounts(runId, renamedOrganisations, renamedPersons, withPermit + personsWithPermit,
                withPermit - withoutHead + personsWithPermit);
        LOG.info("run {}: {} candidates collected, {} offered before, window ({}, {}]", runId, written,
                candidates.size() - written, from, now);
        return new Collected(from, now, written, candidates.size() - written, withoutHead);
    }
}
