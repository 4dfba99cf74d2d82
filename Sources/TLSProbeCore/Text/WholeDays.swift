/// The one rule for every day count tlsprobe shows: whole days, rounded toward zero.
///
/// A certificate that expired 10 days and 16 seconds ago "expired 10 days ago"; one with
/// 2 days and 23 hours left "expires in 2 days"; both count complete days, the way a person
/// counts them on a calendar they are not yet past. The stage lines, the diagnoses, `--json`'s
/// `days_left`, the fleet table, Nagios perfdata, `lab list` and `--warn-days`/`--fail-days`
/// (a certificate fails `--fail-days N` when fewer than N whole days are left) all use it.
public enum WholeDays {
    public static let secondsPerDay = 86_400.0

    /// Whole days from `now` to `then` (both seconds since 1970), negative when `then` has passed.
    public static func between(now: Double, and then: Double) -> Int {
        Int(((then - now) / secondsPerDay).rounded(.towardZero))
    }

    /// "1 day", "10 days"; "less than a day" for 0. The sign is ignored: the sentence says
    /// "ago" or "in".
    public static func phrase(_ days: Int) -> String {
        let count = days.magnitude
        switch count {
        case 0: return "less than a day"
        case 1: return "1 day"
        default: return "\(count) days"
        }
    }
}

/// Plural agreement for counts shown to people: "1 target", "2 targets", "0 warnings".
public enum Plural {
    public static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : (plural ?? singular + "s"))"
    }
}
