package kz.health.sanepid.complaint;

/** The outcome of the review (004 App.2 item 19): the demands satisfied in full, in part, or rejected. */
public enum DecisionKind {
    SATISFIED_IN_FULL("Шағым толық қанағаттандырылды", "Жалоба удовлетворена полностью"),
    SATISFIED_IN_PART("Шағым ішінара қанағаттандырылды", "Жалоба удовлетворена частично"),
    REJECTED("Шағымды қанағаттандырудан бас тартылды", "В удовлетворении жалобы отказано");

    private final String kazakh;
    private final String russian;

    DecisionKind(String kazakh, String russian) {
        this.kazakh = kazakh;
        this.russian = russian;
    }

    public String kazakh() {
        return kazakh;
    }

    public String russian() {
        return russian;
    }

    static DecisionKind parse(String value) {
        for (DecisionKind k : values()) {
            if (k.name().equals(value)) {
                return k;
            }
        }
        return null;
    }
}
