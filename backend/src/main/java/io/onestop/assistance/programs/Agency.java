package io.onestop.assistance.programs;

/** The agency that owns a program and handles its cases (一门受理、协同办理). */
public enum Agency {
    CIVIL_AFFAIRS("民政局", "Civil affairs bureau"),
    MEDICAL_INSURANCE("医疗保障局", "Medical insurance bureau"),
    EDUCATION("教育局", "Education bureau"),
    HOUSING("住房和城乡建设局", "Housing and urban-rural development bureau"),
    HUMAN_RESOURCES("人力资源和社会保障局", "Human resources and social security bureau"),
    DISABLED_PERSONS_FEDERATION("残疾人联合会", "Disabled persons' federation");

    private final LocalizedText name;

    Agency(String zh, String en) {
        this.name = LocalizedText.of(zh, en);
    }

    public LocalizedText localizedName() {
        return name;
    }
}
