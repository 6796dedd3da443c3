//! The metrics of SPEC §5 as one enum: its JSON name, what kind of number it
//! is and whether a rise is good news. Adding a metric touches this table,
//! its computation (`Tally`) and its label (`lang::metric_label`).

use super::Metrics;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    LeadsNew,
    LeadsBySource,
    ConversionRate,
    ClosingRateByAdmin,
    Orders,
    Revenue,
    RepeatOrderRate,
    TopProducts,
    ResponseMedianMinutes,
    ResponseWithinTargetRate,
    FollowupsDone,
    FollowupsOverdue,
    ComplaintsOpened,
    ComplaintsResolved,
    ComplaintsOpen,
    ComplaintsOverdue,
    Csat,
    Nps,
    AhtHours,
    FcrRate,
    ActiveCustomers,
    RetentionRate,
    Reply12hRate,
    Unanswered,
    FollowupsMissed,
    UnpaidOrders,
    UnpaidAmount,
}

/// What kind of number a metric is: how it is shown and how its change reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricKind {
    /// A whole number of things.
    Count,
    /// Currency units.
    Money,
    /// A fraction in [0, 1], shown in percent, changed in points.
    Rate,
    /// Already in percent (0–100).
    Percent,
    /// A score (NPS, −100…100).
    Score,
    Minutes,
    Hours,
    /// A map or a list, not one number.
    Breakdown,
}

struct Def {
    metric: Metric,
    name: &'static str,
    kind: MetricKind,
    higher_is_better: bool,
}

const fn def(metric: Metric, name: &'static str, kind: MetricKind, higher_is_better: bool) -> Def {
    Def {
        metric,
        name,
        kind,
        higher_is_better,
    }
}

use Metric::*;
use MetricKind::*;

/// In SPEC order, which is also the order of the enum.
const DEFS: [Def; 27] = [
    def(LeadsNew, "leads_new", Count, true),
    def(LeadsBySource, "leads_by_source", Breakdown, true),
    def(ConversionRate, "conversion_rate", Rate, true),
    def(ClosingRateByAdmin, "closing_rate_by_admin", Breakdown, true),
    def(Orders, "orders", Count, true),
    def(Revenue, "revenue", Money, true),
    def(RepeatOrderRate, "repeat_order_rate", Rate, true),
    def(TopProducts, "top_products", Breakdown, true),
    def(
        ResponseMedianMinutes,
        "response_median_minutes",
        Minutes,
        false,
    ),
    def(
        ResponseWithinTargetRate,
        "response_within_target_rate",
        Rate,
        true,
    ),
    def(FollowupsDone, "followups_done", Count, true),
    def(FollowupsOverdue, "followups_overdue", Count, false),
    def(ComplaintsOpened, "complaints_opened", Count, false),
    def(ComplaintsResolved, "complaints_resolved", Count, true),
    def(ComplaintsOpen, "complaints_open", Count, false),
    def(ComplaintsOverdue, "complaints_overdue", Count, false),
    def(Csat, "csat", Percent, true),
    def(Nps, "nps", Score, true),
    def(AhtHours, "aht_hours", Hours, false),
    def(FcrRate, "fcr_rate", Rate, true),
    def(ActiveCustomers, "active_customers", Count, true),
    def(RetentionRate, "retention_rate", Rate, true),
    def(Reply12hRate, "reply_12h_rate", Rate, true),
    def(Unanswered, "unanswered", Count, false),
    def(FollowupsMissed, "followups_missed", Count, false),
    def(UnpaidOrders, "unpaid_orders", Count, false),
    def(UnpaidAmount, "unpaid_amount", Money, false),
];

impl Metric {
    pub const ALL: [Metric; 27] = {
        let mut all = [LeadsNew; 27];
        let mut i = 0;
        while i < 27 {
            all[i] = DEFS[i].metric;
            i += 1;
        }
        all
    };

    fn def(self) -> &'static Def {
        let d = &DEFS[self as usize];
        debug_assert_eq!(d.metric, self, "DEFS is in the order of Metric");
        d
    }

    /// The key in `stats --format json`.
    pub fn name(self) -> &'static str {
        self.def().name
    }

    pub fn kind(self) -> MetricKind {
        self.def().kind
    }

    /// Whether a rise is good news (for arrows and colours).
    pub fn higher_is_better(self) -> bool {
        self.def().higher_is_better
    }

    /// The metrics that are one number, in SPEC order.
    pub fn scalars() -> impl Iterator<Item = Metric> {
        Metric::ALL.into_iter().filter(|m| m.kind() != Breakdown)
    }

    /// The value of a one-number metric (None when undefined or a breakdown).
    pub fn value(self, m: &Metrics) -> Option<f64> {
        let count = |n: usize| Some(n as f64);
        match self {
            LeadsNew => count(m.leads_new),
            ConversionRate => m.conversion_rate,
            Orders => count(m.orders),
            Revenue => Some(m.revenue as f64),
            RepeatOrderRate => m.repeat_order_rate,
            ResponseMedianMinutes => m.response_median_minutes,
            ResponseWithinTargetRate => m.response_within_target_rate,
            FollowupsDone => count(m.followups_done),
            FollowupsOverdue => count(m.followups_overdue),
            ComplaintsOpened => count(m.complaints_opened),
            ComplaintsResolved => count(m.complaints_resolved),
            ComplaintsOpen => count(m.complaints_open),
            ComplaintsOverdue => count(m.complaints_overdue),
            Csat => m.csat,
            Nps => m.nps,
            AhtHours => m.aht_hours,
            FcrRate => m.fcr_rate,
            ActiveCustomers => count(m.active_customers),
            RetentionRate => m.retention_rate,
            Reply12hRate => m.reply_12h_rate,
            Unanswered => count(m.unanswered),
            FollowupsMissed => count(m.followups_missed),
            UnpaidOrders => count(m.unpaid_orders),
            UnpaidAmount => Some(m.unpaid_amount as f64),
            LeadsBySource | ClosingRateByAdmin | TopProducts => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_json_of_metrics() {
        let json = serde_json::to_value(super::super::Tally::default().finish()).expect("json");
        let keys: Vec<&str> = json
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut names: Vec<&str> = Metric::ALL.iter().map(|m| m.name()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        names.sort();
        assert_eq!(
            names, sorted,
            "every field of Metrics has a Metric, and only those"
        );
        for m in Metric::ALL {
            assert_eq!(m.def().metric, m);
        }
    }
}
