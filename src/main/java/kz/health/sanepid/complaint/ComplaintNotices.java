package kz.health.sanepid.complaint;

/**
 * Texts to applicants and staff, Kazakh then Russian. At registration the applicant is told the complaint's number
 * and the day the decision is due; with the decision, where to go next (004 App.2 item 19): after a provider-level
 * decision the reviewing body (the pre-trial review), after the reviewing body's decision the court, "unless a law
 * provides otherwise" (the item's last paragraph, "Егер заңда өзгеше көзделмесе"). No name or IIN in an SMS: the
 * complaint id is enough for the applicant.
 */
final class ComplaintNotices {

    static final String COURT_KK = "Егер заңда өзгеше көзделмесе, сотқа дейінгі тәртіппен шағымданғаннан кейін сотқа"
            + " жүгінуге құқылысыз.";
    static final String COURT_RU = "Если иное не предусмотрено законом, после досудебного обжалования вы вправе"
            + " обратиться в суд.";
    static final String REVIEWING_BODY_KK = "Шешіммен келіспесеңіз, шағымды қарайтын органға (жоғары тұрған әкімшілік"
            + " органға немесе мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға)"
            + " шағымдана аласыз.";
    static final String REVIEWING_BODY_RU = "Если вы не согласны с решением, вы вправе обжаловать его в орган"
            + " рассмотрения жалоб (вышестоящий административный орган или уполномоченный орган по оценке и контролю"
            + " за качеством оказания государственных услуг).";

    private ComplaintNotices() {
    }

    static String decisionSubject(String complaintId) {
        return "Шағым " + complaintId + " / Жалоба " + complaintId;
    }

    static String registrationSms(String complaintId, String deadline, boolean atReviewingBody) {
        return "Шағым " + complaintId + (atReviewingBody ? " шағымды қарайтын органда" : "") + " тіркелді. Шешім "
                + deadline + " қоса алғанда қабылданады. 1414\n"
                + "Жалоба " + complaintId + " зарегистрирована" + (atReviewingBody ? " органом рассмотрения жалоб" : "")
                + ". Решение будет принято по " + deadline + " включительно. 1414";
    }

    static String registrationEmail(String complaintId, String deadline, boolean atReviewingBody) {
        return "Құрметті өтініш беруші! Шағымыңыз" + (atReviewingBody ? " шағымды қарайтын органда" : "")
                + " тіркелді, нөмірі " + complaintId + ". Шешім " + deadline
                + " қоса алғанда (жұмыс күндерімен) қабылданады. Ақпарат: 1414.\n\n"
                + "Уважаемый заявитель! Ваша жалоба зарегистрирована" + (atReviewingBody ? " органом рассмотрения жалоб"
                : "") + " под номером " + complaintId + ". Решение будет принято по " + deadline
                + " включительно (в рабочих днях). Справки: 1414.";
    }

    static String decisionSms(String complaintId, DecisionKind kind, boolean preTrialDone) {
        return "Шағым " + complaintId + ": " + kind.kazakh() + ". " + (preTrialDone ? COURT_KK : REVIEWING_BODY_KK)
                + " 1414\n" + "Жалоба " + complaintId + ": " + kind.russian() + ". "
                + (preTrialDone ? COURT_RU : REVIEWING_BODY_RU) + " 1414";
    }

    static String decisionEmail(String complaintId, DecisionKind kind, String reasons, boolean preTrialDone) {
        return "Құрметті өтініш беруші! " + complaintId + " шағымы бойынша шешім: " + kind.kazakh()
                + ". Негіздемесі: " + reasons + ". " + (preTrialDone ? COURT_KK : REVIEWING_BODY_KK)
                + " Ақпарат: 1414.\n\n"
                + "Уважаемый заявитель! По жалобе " + complaintId + " принято решение: " + kind.russian()
                + ". Основания: " + reasons + ". " + (preTrialDone ? COURT_RU : REVIEWING_BODY_RU) + " Справки: 1414.";
    }

    static String reminder(String complaintId, String taskName, String deadline) {
        return "Еске салу: " + complaintId + " шағымы бойынша «" + taskName + "» мерзімі " + deadline
                + " аяқталады.\nНапоминание: срок задачи «" + taskName + "» по жалобе " + complaintId
                + " истекает " + deadline + ".";
    }

    static String escalation(String complaintId, String taskName, String deadline) {
        return "Мерзім өтті: " + complaintId + " шағымы бойынша «" + taskName + "» " + deadline
                + " дейін орындалмады.\nСрок пропущен: задача «" + taskName + "» по жалобе " + complaintId
                + " не выполнена до " + deadline + ".";
    }
}
