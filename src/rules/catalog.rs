//! The one rule table (SPEC §4): every rule's name, default wait, window,
//! completing interaction, and whether it expires or counts open time.
//! Evaluation (`tasks`) reads it; `[rules.NAME]` overrides apply to it; its
//! labels live in `lang::words`, keyed by [`Rule`]. Adding a rule touches this
//! table, its evaluation and its label (a match there fails to compile
//! without it).
//!
//! This module reads nothing of the shop's config (overrides are applied by
//! `tasks::settings`), so config can validate `[rules.NAME]` against
//! [`RULE_NAMES`] without importing evaluation.

use crate::shop::record::Kind;
use crate::time::Dur;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Rule {
    Lead1,
    Lead2,
    Lead3,
    Payment,
    Shipping,
    Aftercare,
    Repeat,
    ComplaintResponse,
    ComplaintResolve,
    ComplaintSurvey,
}

/// How a rule's wait is computed when shop.toml does not override it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    Fixed(Dur),
    /// Counted from delivery when the order was delivered, else from shipping.
    Aftercare {
        delivered: Dur,
        shipped: Dur,
    },
    /// The category's `repeat_after` × the units bought.
    Repeat,
    /// `[service] response_target`.
    ResponseTarget,
    /// `[service] resolve_target`.
    ResolveTarget,
}

/// One row of the rule table.
#[derive(Debug, Clone, Copy)]
pub struct RuleDef {
    pub rule: Rule,
    /// The name in shop.toml (`[rules.NAME]`), JSON and message templates.
    pub name: &'static str,
    pub wait: Wait,
    /// From due to late.
    pub window: Dur,
    /// The interaction kind that completes it (customer rules); complaint
    /// rules are completed by the complaint's own fields.
    pub done_by: Option<Kind>,
    pub is_complaint: bool,
    /// Whether the task becomes `missed` `expire_after` past its late time;
    /// an open complaint's response and resolution never do (SPEC §4).
    pub expires: bool,
    /// Whether the wait counts the shop's open hours only (`[hours]`).
    pub open_time: bool,
}

const fn hours(h: i64) -> Dur {
    Dur(h * 3600)
}

const fn days(d: i64) -> Dur {
    Dur(d * 86_400)
}

/// In the order of [`Rule`].
pub const RULES: [RuleDef; 10] = [
    RuleDef {
        rule: Rule::Lead1,
        name: "lead-1",
        wait: Wait::Fixed(hours(24)),
        window: hours(24),
        done_by: Some(Kind::Followup),
        is_complaint: false,
        expires: true,
        open_time: false,
    },
    RuleDef {
        rule: Rule::Lead2,
        name: "lead-2",
        wait: Wait::Fixed(hours(48)),
        window: hours(24),
        done_by: Some(Kind::Followup),
        is_complaint: false,
        expires: true,
        open_time: false,
    },
    RuleDef {
        rule: Rule::Lead3,
        name: "lead-3",
        wait: Wait::Fixed(days(3)),
        window: days(2),
        done_by: Some(Kind::Followup),
        is_complaint: false,
        expires: true,
        open_time: false,
    },
    RuleDef {
        rule: Rule::Payment,
        name: "payment",
        wait: Wait::Fixed(hours(24)),
        window: hours(24),
        done_by: Some(Kind::Payment),
        is_complaint: false,
        expires: true,
        open_time: false,
    },
    RuleDef {
        rule: Rule::Shipping,
        name: "shipping",
        wait: Wait::Fixed(Dur::ZERO),
        window: days(1),
        done_by: Some(Kind::Shipping),
        is_complaint: false,
        expires: true,
        open_time: false,
    },
    RuleDef {
        rule: Rule::Aftercare,
        name: "aftercare",
        wait: Wait::Aftercare {
            delivered: days(2),
            shipped: days(5),
        },
        window: days(3),
        done_by: Some(Kind::Aftercare),
        is_complaint: false,
        expires: true,
        open_time: false,
    },
    RuleDef {
        rule: Rule::Repeat,
        name: "repeat",
        wait: Wait::Repeat,
        window: days(7),
        done_by: Some(Kind::Repeat),
        is_complaint: false,
        expires: true,
        open_time: false,
    },
    RuleDef {
        rule: Rule::ComplaintResponse,
        name: "complaint-response",
        wait: Wait::ResponseTarget,
        window: Dur::ZERO,
        done_by: None,
        is_complaint: true,
        expires: false,
        open_time: true,
    },
    RuleDef {
        rule: Rule::ComplaintResolve,
        name: "complaint-resolve",
        wait: Wait::ResolveTarget,
        window: Dur::ZERO,
        done_by: None,
        is_complaint: true,
        expires: false,
        open_time: true,
    },
    RuleDef {
        rule: Rule::ComplaintSurvey,
        name: "complaint-survey",
        wait: Wait::Fixed(days(1)),
        window: days(2),
        done_by: Some(Kind::Survey),
        is_complaint: true,
        expires: true,
        open_time: false,
    },
];

/// Every rule's name, in table order (what `[rules.NAME]` may say).
pub const RULE_NAMES: [&str; RULES.len()] = {
    let mut names = [""; RULES.len()];
    let mut i = 0;
    while i < RULES.len() {
        names[i] = RULES[i].name;
        i += 1;
    }
    names
};

impl Rule {
    pub fn def(self) -> &'static RuleDef {
        let def = &RULES[self as usize];
        debug_assert_eq!(def.rule, self, "RULES is in the order of Rule");
        def
    }

    pub fn name(self) -> &'static str {
        self.def().name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_order_of_rule_and_names_are_unique() {
        for (i, def) in RULES.iter().enumerate() {
            assert_eq!(def.rule as usize, i, "{}", def.name);
            assert_eq!(def.rule.name(), RULE_NAMES[i]);
        }
        let mut names = RULE_NAMES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }

    #[test]
    fn only_complaint_response_and_resolve_count_open_time_and_never_expire() {
        for def in &RULES {
            let clock = matches!(def.rule, Rule::ComplaintResponse | Rule::ComplaintResolve);
            assert_eq!(def.open_time, clock, "{}", def.name);
            assert_eq!(def.expires, !clock, "{}", def.name);
            assert_eq!(def.done_by.is_none(), clock, "{}", def.name);
        }
    }
}
