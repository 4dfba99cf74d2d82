/// A group of catalogue rows: one stored property per diagnosis, the property's name being the id's
/// Swift name and its value the row (`public let certExpired = DiagnosisEntry(id: "cert.expired", …)`).
/// That one declaration is all there is of an id: `DiagnosisID.certExpired` reads the id from the
/// row (see `DiagnosisID`), and `rows` lists the set's rows by reflection, so no second list of
/// them can drift from the declarations.
protocol DiagnosisRowSet: Sendable {
    /// The one instance whose rows `DiagnosisID`'s names read.
    static var shared: Self { get }
}

extension DiagnosisRowSet {
    /// The rows in declaration order (the order of docs/diagnoses.md within a family).
    /// Every stored property of a row set is a row; `CatalogTests` checks none is skipped.
    var rows: [DiagnosisEntry] {
        Mirror(reflecting: self).children.compactMap { $0.value as? DiagnosisEntry }
    }
}
