package kz.health.sanepid.professionalregister;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code sanepid.professional-register.*} (application.yaml, with the counting rule): the HR specialist's term for
 * entering a re-issued certificate into the professional register, in RK working days (order No. 66 item 9 sets no
 * term; item 8's "үш жұмыс күні ішінде", 3 working days, is applied).
 */
@Component("professionalRegisterSettings")
public class RegisterSettings {

    private final int updateWorkingDays;

    public RegisterSettings(@Value("${sanepid.professional-register.update-working-days:3}") int updateWorkingDays) {
        if (updateWorkingDays < 1 || updateWorkingDays > 30) {
            throw new IllegalStateException("sanepid.professional-register.update-working-days must be 1-30");
        }
        this.updateWorkingDays = updateWorkingDays;
    }

    public int updateWorkingDays() {
        return updateWorkingDays;
    }
}
