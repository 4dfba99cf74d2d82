import ArgumentParser

/// How an option's value is found on the command line.
enum PlainOptionValue: Equatable, Sendable {
    /// A flag: present or not, no value.
    case none
    /// The next word (or `=value`), which must not look like an option (argument-parser's `.next`).
    case next
    /// The next word whatever it is, so that `--timeout -1` reaches validate (`.unconditional`).
    case unconditional
}

/// One option or flag of an option group, as `PlainProbeParser` reads it: the spellings
/// argument-parser accepts for it, how its value is found, and where the value goes.
/// The value is converted by the type's own `ExpressibleByArgument.init(argument:)`, the call
/// argument-parser makes, so "5", "1e1" or "tls1.2" mean here exactly what they mean there.
struct PlainOption<Group>: Sendable {
    typealias Value = PlainOptionValue

    /// Every spelling, long ones with their dashes: ["-k", "--insecure"].
    let names: [String]
    let value: Value
    /// Stores the value's text ("" for a flag); false when the text does not convert.
    let store: @Sendable (inout Group, String) -> Bool

    static func flag(_ names: String..., set: @escaping @Sendable (inout Group) -> Void) -> Self {
        Self(names: names, value: .none) { group, _ in
            set(&group)
            return true
        }
    }

    static func option<Argument: ExpressibleByArgument>(
        _ names: String..., as type: Argument.Type, parsing: Value = .next, set: @escaping @Sendable (inout Group, Argument) -> Void
    ) -> Self {
        Self(names: names, value: parsing) { group, text in
            guard let argument = Argument(argument: text) else { return false }
            set(&group, argument)
            return true
        }
    }

    /// The same option on the command holding the group.
    func lifted<Command>(get: @escaping @Sendable (Command) -> Group, put: @escaping @Sendable (inout Command, Group) -> Void) -> PlainOption<Command> {
        let store = self.store
        return PlainOption<Command>(names: names, value: value) { command, text in
            var group = get(command)
            guard store(&group, text) else { return false }
            put(&command, group)
            return true
        }
    }
}

/// An option group the plain-probe parser can fill in: every property at its declared default,
/// and a row for each option and flag it declares. `PlainProbeParserTests` holds the rows to
/// argument-parser's own declarations (names, kinds, parsing, defaults): a new `@Option` or
/// `@Flag` needs its row here, or the test fails (and the parser would leave it unset).
protocol PlainParsableGroup: ParsableArguments {
    /// The group with every property set to the default its declaration gives.
    static var plainDefaults: Self { get }
    static var plainOptions: [PlainOption<Self>] { get }
}

/// One `@OptionGroup` of the probe command: how to read and write it, its defaults, its rows
/// and its validate() (argument-parser validates each group when it decodes it).
struct PlainGroupSlot<Command>: Sendable {
    let options: [PlainOption<Command>]
    let setDefaults: @Sendable (inout Command) -> Void
    /// validate() is `mutating`: what it changes stays, as when argument-parser calls it.
    let validate: @Sendable (inout Command) throws -> Void

    static func group<Group: PlainParsableGroup>(
        _ get: @escaping @Sendable (Command) -> Group, _ put: @escaping @Sendable (inout Command, Group) -> Void
    ) -> Self {
        Self(
            options: Group.plainOptions.map { $0.lifted(get: get, put: put) },
            setDefaults: { put(&$0, Group.plainDefaults) },
            validate: { command in
                var group = get(command)
                try group.validate()
                put(&command, group)
            }
        )
    }
}
