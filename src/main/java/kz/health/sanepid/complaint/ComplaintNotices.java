package kz.health.sanepid.complaint;

/**
 * Texts to applicants and staff, Kazakh then Russian. The applicant's notice says that a court appeal is open
 * after this pre-trial review (004 App.2 item 19, last paragraph). No name or IIN in an SMS: the complaint id is
 * enough for the applicant.
 */
final class ComplaintNotices {

    static final String COURT_KK = "Шағымды сотқа дейінгі тәртіппен қарағаннан кейін сотқа жүгінуге құқылысыз.";
    static final String COURT_RU = "После досудебного рассмотрения жалобы вы вправе обратиться в суд.";

    private ComplaintNotices() {
    }

    static String decisionSubject(String complaintId) {
        return "Шағым " + complaintId + " / Жалоба " + complaintId;
    }

    static String decisionSms(String complaintId, DecisionKind kind) {
        return "Шағым " + complaintId + ": " + kind.kazakh() + ". " + COURT_KK + " 1414\n"
                + "Жалоба " + complaintId + ": " + kind.russian() + ". " + COURT_RU + " 1414";
    }

    static String decisionEmail(String complaintId, DecisionKind kind, String reasons) {
        return "Құрметті өтініш беруші! " + complaintId + " шағымы бойынша шешім: " + kind.kazakh()
                + ". Негіздемесі: " + reasons + ". " + COURT_KK + " Ақпарат: 1414.\n\n"
                + "Уважаемый заявитель! По жалобе " + complaintId + " принято решение: " + kind.russian()
                + ". Основания: " + reasons + ". " + COURT_RU + " Справки: 1414.";
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
