package kz.health.sanepid.reissuance;

/**
 * The SMS of the Appendix to the algorithm (004 App.2, item 11): the Kazakh original and a Russian version in ONE
 * message (one message per attempt, so the gateway's key {@code <businessKey>#<attempt>} names exactly what the
 * recipient got, and a single reply answers it). Only the template's text: no name, IIN or permit number.
 * The source's "жаңдайда" is printed as "жағдайда" (a typo in the source).
 */
public final class OfferSms {

    public static final String KAZAKH = "Құрметті көрсетілетін қызметті алушы! Сіз Қазақстан Республикасы Денсаулық"
            + " сақтау министрлігінің халықтың санитариялық-эпидемиологиялық саламаттылығы саласындағы ұйымның атауы"
            + " немесе жеке тұлғаның тегі, аты, әкесінің аты өзгеруіне қайта рәсімдеу процесін көрсету бойынша әлеуетті"
            + " көрсетілетін қызметті алушы болып табыласыз. Ұйымның атауы немесе жеке тұлғаның тегі, аты, әкесінің аты"
            + " өзгеруіне келісім берген жағдайда 1 санын, ал бас тартқан жағдайда 2 санын жіберуіңізді сұраймыз."
            + " Сұрақтар туындаған жағдайда 1414 тегін нөмірі бойынша Бірыңғай байланыс-орталығына хабарласа аласыз.";

    public static final String RUSSIAN = "Уважаемый получатель услуги! Вы являетесь потенциальным получателем услуги"
            + " Министерства здравоохранения Республики Казахстан по переоформлению в сфере санитарно-эпидемиологического"
            + " благополучия населения в связи с изменением наименования организации или фамилии, имени, отчества"
            + " физического лица. В случае согласия на переоформление просим отправить цифру 1, в случае отказа -"
            + " цифру 2. При возникновении вопросов обращайтесь в Единый контакт-центр по бесплатному номеру 1414.";

    public static final String OFFER = KAZAKH + "\n\n" + RUSSIAN;

    /** Sent back when a reply is neither 1 nor 2; the recipient keeps waiting. */
    public static final String HELP = "Жауабыңыз танылмады. Келісім берсеңіз 1, бас тартсаңыз 2 санын жіберіңіз."
            + " Сұрақтар: 1414 (тегін).\n\nОтвет не распознан. Отправьте 1, если согласны, или 2, если отказываетесь."
            + " Вопросы: 1414 (бесплатно).";

    private OfferSms() {
    }

    public static String messageKey(String businessKey, int attempt) {
        return businessKey + "#" + attempt;
    }
}
