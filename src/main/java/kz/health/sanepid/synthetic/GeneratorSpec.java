package kz.health.sanepid.synthetic;

import java.time.Instant;

/**
 * What the synthetic registries should hold. Recipients are the first heads of renamed organisations with a
 * permit, and renamed individuals with a specialist certificate; each recipient gets at most one of the item 6
 * exclusion criteria, or no registered mobile number, drawn at the given rates, so the expected outcome of
 * every recipient is known.
 *
 * @param organisations         renamed organisations
 * @param individuals           individuals whose surname, name or patronymic changed
 * @param withoutPermitRate     share of renamed organisations and individuals holding no permit (item 4 filters)
 * @param missingOrDeadRate     criterion 6.1 (half declared missing in the person registry, half dead in АХАЖ)
 * @param abroadRate            criterion 6.2
 * @param incapableRate         criterion 6.3
 * @param imprisonedRate        criterion 6.4
 * @param noPhoneRate           no number in the mobile citizens base (item 10)
 * @param changesFrom           name changes are spread over (changesFrom, changesTo]
 */
public record GeneratorSpec(long seed, int organisations, int individuals, double withoutPermitRate,
                            double missingOrDeadRate, double abroadRate, double incapableRate, double imprisonedRate,
                            double noPhoneRate, Instant changesFrom, Instant changesTo) {

    public GeneratorSpec {
        double excluded = missingOrDeadRate + abroadRate + incapableRate + imprisonedRate + noPhoneRate;
        if (excluded > 1.0 || withoutPermitRate < 0 || withoutPermitRate > 1.0) {
            throw new IllegalArgumentException("rates must be shares between 0 and 1 summing to at most 1");
        }
        if (organisations < 0 || individuals < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (!changesFrom.isBefore(changesTo)) {
            throw new IllegalArgumentException("changesFrom must be before changesTo");
        }
    }

    /** The demo's and tests' defaults: 5% for each criterion, 10% without a phone, 10% without a permit. */
    public static GeneratorSpec typical(long seed, int organisations, int individuals, Instant changesFrom,
                                        Instant changesTo) {
        return new GeneratorSpec(seed, organisations, individuals, 0.10, 0.05, 0.05, 0.05, 0.05, 0.10,
                changesFrom, changesTo);
    }
}
