/// One wording for every numeric option outside its range, whichever way it was typed
/// (`--timeout 0`, `--timeout -1`, `--timeout=-1`): "--timeout must be more than 0 and at most
/// 3600 seconds; got -1".
enum RangeMessage {
    static func text(_ option: String, _ range: String, got value: Double) -> String {
        let shown = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        return "\(option) must be \(range); got \(shown)"
    }

    static func text(_ option: String, _ range: String, got value: Int) -> String {
        "\(option) must be \(range); got \(value)"
    }
}
