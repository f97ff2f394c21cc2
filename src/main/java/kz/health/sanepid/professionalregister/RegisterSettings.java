package kz.health.sanepid.professionalregister;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.professional-register.*} (application.yaml, with the counting rule), checked at start.
 *
 * @param updateWorkingDays the HR specialist's term for entering a re-issued certificate into the professional
 *                          register, in RK working days, 1-30 (order No. 66 item 9 sets no term; item 8's "үш жұмыс
 *                          күні ішінде", 3 working days, is applied)
 */
@Validated
@ConfigurationProperties("sanepid.professional-register")
public record RegisterSettings(@DefaultValue("3") @Min(1) @Max(30) int updateWorkingDays) {
}
