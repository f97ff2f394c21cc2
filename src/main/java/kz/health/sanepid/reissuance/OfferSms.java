package kz.health.sanepid.reissuance;

/**
 * The SMS of the Appendix to the algorithm (004 App.2, item 11): the Kazakh original or a Russian version, in the
 * recipient's language when the mobile citizens base knows it, else both in ONE message. One message per attempt and
 * number within a run ({@link PhoneOffers}): several offers to one number go out as one message that lists their
 * permits, and a single reply answers them all. No IIN and no person's name.
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

    /**
     * The messages that tell the recipient what happens next (004 App.2 items 12, 15; order item 4.2), each in Kazakh
     * and Russian, kept next to the Appendix's template. They name no person, IIN or permit number either.
     */
    public enum Notice {
        /** Item 12, order item 4.2: after reply 1, the consent request follows through ДҚБ (eGov). */
        CONSENT_FOLLOWS(
                "Келісіміңіз қабылданды. Дербес деректерді жинауға және өңдеуге келісім сұрауы eGov-тағы ДҚБ сервисі"
                        + " арқылы келеді: оны eGov mobile қосымшасында немесе egov.kz жеке кабинетінде растаңыз."
                        + " Сұрақтар: 1414 (тегін).",
                "Ваше согласие принято. Запрос согласия на сбор и обработку персональных данных придёт через сервис"
                        + " КДП на eGov: подтвердите его в приложении eGov mobile или в личном кабинете egov.kz."
                        + " Вопросы: 1414 (бесплатно)."),
        /** Item 12: the updated document is in the e-license personal cabinet. */
        DOCUMENT_IN_CABINET(
                "Жаңартылған рұқсат құжаты \"e-license\" АЖ-дағы жеке кабинетіңізге жолданды."
                        + " Сұрақтар: 1414 (тегін).",
                "Переоформленный разрешительный документ направлен в ваш личный кабинет в ИС \"e-license\"."
                        + " Вопросы: 1414 (бесплатно)."),
        /** Item 15: reply 2 acknowledged; the ordinary route under the Rules. */
        REFUSAL_ACKNOWLEDGED(
                "Бас тартуыңыз қабылданды. Құжатты Қағидаға сәйкес (ҚР ДСМ-336/2020, ҚР ДСМ-274/2020 бұйрықтары)"
                        + " жалпы тәртіппен қайта рәсімдеуге құқылысыз. Сұрақтар: 1414 (тегін).",
                "Ваш отказ принят. Вы вправе переоформить документ в общем порядке по Правилам (приказы"
                        + " ҚР ДСМ-336/2020, ҚР ДСМ-274/2020). Вопросы: 1414 (бесплатно)."),
        /** A reply after the offer ended (items 10, 14, 15; order item 8): said so instead of silence. */
        OFFER_ENDED(
                "Қайта рәсімдеу ұсынысы аяқталды, жауабыңыз қабылданбады. Құжатты Қағидаға сәйкес жалпы тәртіппен"
                        + " қайта рәсімдеуге құқылысыз. Сұрақтар: 1414 (тегін).",
                "Предложение о переоформлении завершено, ответ не принят. Вы вправе переоформить документ в общем"
                        + " порядке по Правилам. Вопросы: 1414 (бесплатно).");

        private final String kazakh;
        private final String russian;

        Notice(String kazakh, String russian) {
            this.kazakh = kazakh;
            this.russian = russian;
        }

        public String text(SmsLanguage language) {
            return language.pick(kazakh, russian);
        }

        /**
         * A notice that one reply causes (1 or 2 answers every offer of the SMS it replies to) goes once for them
         * all; the document's notice goes once per document, when its re-issue is done.
         */
        public boolean oncePerReply() {
            return this == CONSENT_FOLLOWS || this == REFUSAL_ACKNOWLEDGED;
        }
    }

    /** The language of a message: the recipient's when a registry knows it, else both (Kazakh first). */
    public enum SmsLanguage {
        KK, RU, BOTH;

        String pick(String kazakh, String russian) {
            return switch (this) {
                case KK -> kazakh;
                case RU -> russian;
                case BOTH -> kazakh + "\n\n" + russian;
            };
        }

        /** A stored name (KK, RU, BOTH); null or anything else is both. */
        static SmsLanguage valueOfOrBoth(String name) {
            for (SmsLanguage l : values()) {
                if (l.name().equals(name)) {
                    return l;
                }
            }
            return BOTH;
        }

        /** "kk"/"kz"/"қаз" and "ru"/"рус" as registries write them; anything else or unknown is both. */
        public static SmsLanguage of(String code) {
            if (code == null) {
                return BOTH;
            }
            String c = code.strip().toLowerCase(java.util.Locale.ROOT);
            if (c.startsWith("kk") || c.startsWith("kz") || c.startsWith("қаз")) {
                return KK;
            }
            if (c.startsWith("ru") || c.startsWith("рус")) {
                return RU;
            }
            return BOTH;
        }
    }

    /** The offer in the recipient's language: the Appendix's Kazakh original word for word, or the Russian version. */
    public static String offer(SmsLanguage language) {
        return language.pick(KAZAKH, RUSSIAN);
    }

    /** After the template, when one message carries several offers of a run to one number (%d: how many). */
    static final String SEVERAL_KK = "Бұл хабарлама %d ұсынысқа қатысты, бір жауабыңыз (1 немесе 2) барлығына қолданылады:";
    static final String SEVERAL_RU = "Сообщение касается %d предложений, один ответ (1 или 2) относится ко всем:";
    /** An organisation's new name is cut to this many characters in the list. */
    static final int NAME_LIMIT = 60;

    /**
     * One offer a message names: the permit document's number and, for an organisation, its new name. A person's
     * own name is not repeated in an SMS (data minimisation, Law 94-V art. 12): the permit number tells the offers
     * apart.
     */
    public record OfferLine(String permitId, String organisationName) {
    }

    /**
     * The message of one attempt to one number (items 11, 13). One offer: the Appendix's template alone, word for
     * word. Several offers of the run to the same number: the template once, word for word (it speaks of "the"
     * re-issuance in general, so it reads true for each offer), then a sentence saying that the message covers
     * them all and one reply answers all of them, and the list of the permits (and new organisation names).
     */
    public static String offer(SmsLanguage language, java.util.List<OfferLine> offers) {
        if (offers.size() <= 1) {
            return offer(language);
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < offers.size(); i++) {
            OfferLine o = offers.get(i);
            list.append('\n').append(i + 1).append(") ").append(o.permitId());
            if (o.organisationName() != null && !o.organisationName().isBlank()) {
                String name = o.organisationName().strip();
                list.append(" - ").append(name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT - 1) + "…" : name);
            }
        }
        String kk = String.format(SEVERAL_KK, offers.size());
        String ru = String.format(SEVERAL_RU, offers.size());
        return switch (language) {
            case KK -> KAZAKH + "\n\n" + kk + list;
            case RU -> RUSSIAN + "\n\n" + ru + list;
            case BOTH -> KAZAKH + "\n\n" + RUSSIAN + "\n\n" + kk + "\n" + ru + list;
        };
    }

    /** The language of one message to several offers: theirs when they all agree, else both. */
    public static SmsLanguage common(java.util.Collection<SmsLanguage> languages) {
        java.util.Set<SmsLanguage> distinct = java.util.EnumSet.noneOf(SmsLanguage.class);
        distinct.addAll(languages);
        return distinct.size() == 1 ? distinct.iterator().next() : SmsLanguage.BOTH;
    }

    /** Every text the pilot sends, by name, for the segment counts of the run summary and the benchmark report. */
    public static java.util.Map<String, String> texts() {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        for (SmsLanguage l : SmsLanguage.values()) {
            all.put("OFFER_" + l, offer(l));
        }
        java.util.List<OfferLine> three = java.util.List.of(new OfferLine("SE2-000000001", "Жаңа Атау ЖШС"),
                new OfferLine("SE3-000000002", "Жаңа Атау ЖШС"), new OfferLine("SE4-000000003", "Екінші Атау АҚ"));
        for (SmsLanguage l : SmsLanguage.values()) {
            all.put("OFFER_" + l + "_3_OFFERS", offer(l, three));
        }
        all.put("HELP", HELP);
        for (Notice n : Notice.values()) {
            for (SmsLanguage l : SmsLanguage.values()) {
                all.put(n.name() + "_" + l, n.text(l));
            }
        }
        return all;
    }

    public static String noticeKey(String businessKey, Notice notice) {
        return "notice:" + businessKey + ":" + notice.name();
    }

    private OfferSms() {
    }

    public static String messageKey(String businessKey, int attempt) {
        return businessKey + "#" + attempt;
    }
}
