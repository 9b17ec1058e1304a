//! The specificity signals: what counts as concrete detail or as boilerplate in an answer.

/// One signal: its label in the reasons, its pattern (pack dialect, matched ignoring case),
/// its weight, and whether it counts as concrete detail (else as generic boilerplate).
pub(crate) struct SignalSpec {
    pub label: &'static str,
    pub pattern: &'static str,
    pub weight: f64,
    pub concrete: bool,
}

pub(crate) const SIGNAL_SPECS: &[SignalSpec] = &[
    SignalSpec {
        label: "version numbers",
        pattern: r"\b(v|versie|version|release|firmware)\s*\d+(\.\d+)+\b|\b\d+\.\d+\.\d+\b",
        weight: 1.5,
        concrete: true,
    },
    SignalSpec {
        label: "times and durations",
        pattern: r"\b\d+([.,]\d+)?\s*(ms|sec|seconden|seconds|s|min|minuten|minutes|uur|uren|hours?|h|dagen|days?|weken|weeks?|maanden|months?|werkdagen|business days)\b|\b\d{1,2}:\d{2}\b|\b24/7\b",
        weight: 1.5,
        concrete: true,
    },
    SignalSpec {
        label: "quantities and percentages",
        pattern: r"\b\d+([.,]\d+)?\s*(%|procent|percent|gb|tb|mb|fte|euro|eur|€)|€\s*\d",
        weight: 1.0,
        concrete: true,
    },
    SignalSpec {
        label: "other numbers",
        pattern: r"\b\d{2,}\b",
        weight: 0.5,
        concrete: true,
    },
    SignalSpec {
        label: "dates",
        pattern: r"\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october)\s+\d{4}\b",
        weight: 1.0,
        concrete: true,
    },
    SignalSpec {
        label: "standards and norms",
        pattern: r"\b(iso|iec|nen|en)\s*[-/]?\s*\d{3,5}\b|\b(bio|avg|gdpr|nis2|soc\s*2|owasp|wcag)\b",
        weight: 1.0,
        concrete: true,
    },
    SignalSpec {
        label: "named roles",
        pattern: r"\b(functioneel beheerder|applicatiebeheerder|security officer|ciso|privacy officer|functionaris gegevensbescherming|fg|dpo|product owner|servicedesk|service desk|accountmanager|account manager|projectleider|project manager|data scientist|operator|meldkamer|wachtcommandant|teamleider|contactpersoon)\b",
        weight: 1.0,
        concrete: true,
    },
    SignalSpec {
        label: "procedures and steps",
        pattern: r"\b(stap\s+\d|step\s+\d|escalat\w*|procedure|protocol|runbook|draaiboek|eerst\w*|vervolgens|daarna|then|afterwards|logboek|audit ?log|rollback|terugval\w*|fallback)\b",
        weight: 0.8,
        concrete: true,
    },
    SignalSpec {
        label: "named products or parties",
        pattern: r"(?-i)\b[A-Z][a-z]+[A-Z]\w*\b|(?-i)\b[A-Z]{2,}[a-z]*\d*\b",
        weight: 0.4,
        concrete: true,
    },
    SignalSpec {
        label: "marketing superlatives",
        pattern: r"\b(state[- ]of[- ]the[- ]art|cutting[- ]edge|industry[- ]leading|world[- ]class|best[- ]in[- ]class|toonaangevend|vooruitstrevend|innovatie(f|ve)|innovative|naadloos|naadloze|seamless(ly)?|robuust|robuuste|robust|next[- ]generation|future[- ]proof|toekomstbestendig\w*|hoogste kwaliteit|highest quality|uitstekend\w*|excellent)\b",
        weight: 1.0,
        concrete: false,
    },
    SignalSpec {
        label: "commitments without detail",
        pattern: r"\b(wij streven|we strive|we are committed|wij zijn toegewijd|wij hechten (groot )?belang|we take \w+ seriously|wij nemen \w+ serieus|uiteraard|of course|vanzelfsprekend|naturally|als geen ander|ontzorgen|klantgericht\w*|customer[- ]centric|holistic\w*|holistisch\w*|op maat|tailored|maatwerk|best practices?|in lijn met|in line with|waar nodig|where necessary|indien nodig|if required|passende maatregelen|appropriate measures)\b",
        weight: 1.0,
        concrete: false,
    },
    SignalSpec {
        label: "compliance boilerplate",
        pattern: r"\b(geldende wet- en regelgeving|applicable (laws|legislation|regulations)|voldoet aan alle|complies with all|fully compliant|volledig compliant|volledig conform)\b",
        weight: 1.0,
        concrete: false,
    },
];
